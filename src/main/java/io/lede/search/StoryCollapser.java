package io.lede.search;

import io.lede.index.StorySignature;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds the same story told more than once into one group, in rank order: each hit joins the first
 * higher-ranked group whose leading hit tells the same story, or starts a group of its own.
 *
 * <p>"The same story" means published close together and either near-identical titles (normalised
 * words, Jaccard similarity at least {@value #TITLE_SIMILARITY}: "... Facial Recognition Suit" and
 * "... Facial Recognition Lawsuit") or near-identical text (excerpt SimHashes at most {@value
 * #TEXT_DISTANCE} bits apart). "Close together" is tighter within one provider ({@value
 * #SAME_PROVIDER_HOURS} h) than across providers ({@value #OTHER_PROVIDER_HOURS} h): a provider's
 * daily series ("Fed adds reserves via customer repurchases") repeats its title every day, while the
 * same news from two providers can be a day apart.
 */
final class StoryCollapser {

  static final double TITLE_SIMILARITY = 0.75;
  /** Titles of fewer words are compared by their text only: two words in common say little. */
  static final int MIN_TITLE_WORDS = 3;
  static final int TEXT_DISTANCE = 4;
  /** Texts of fewer words give SimHashes too coarse to trust. */
  static final int MIN_TEXT_WORDS = 12;
  static final long SAME_PROVIDER_HOURS = 12;
  static final long OTHER_PROVIDER_HOURS = 36;

  private StoryCollapser() {}

  /** A story: the hit that represents it and the other copies, in rank order. */
  record Group(RankedHit head, List<RankedHit> members) {
    Group {
      members = new ArrayList<>(members);
    }
  }

  static List<Group> collapse(List<RankedHit> ranked) {
    List<Group> groups = new ArrayList<>();
    for (RankedHit hit : ranked) {
      Group home = null;
      for (Group g : groups) {
        if (sameStory(g.head(), hit)) {
          home = g;
          break;
        }
      }
      if (home != null) {
        home.members().add(hit);
      } else {
        groups.add(new Group(hit, List.of()));
      }
    }
    return groups;
  }

  /** Every hit its own group. */
  static List<Group> singletons(List<RankedHit> ranked) {
    List<Group> groups = new ArrayList<>(ranked.size());
    for (RankedHit hit : ranked) groups.add(new Group(hit, List.of()));
    return groups;
  }

  static boolean sameStory(RankedHit a, RankedHit b) {
    StorySignature x = a.signature(), y = b.signature();
    if (x == null || y == null) return false;
    long hours = x.provider() == y.provider() ? SAME_PROVIDER_HOURS : OTHER_PROVIDER_HOURS;
    if (a.publishedMillis() != null && b.publishedMillis() != null
        && Math.abs(a.publishedMillis() - b.publishedMillis()) > hours * 3_600_000L) {
      return false;
    }
    if (x.titleWords().length >= MIN_TITLE_WORDS && y.titleWords().length >= MIN_TITLE_WORDS
        && x.titleSimilarity(y) >= TITLE_SIMILARITY) {
      return true;
    }
    return x.textWords() >= MIN_TEXT_WORDS && y.textWords() >= MIN_TEXT_WORDS && x.textDistance(y) <= TEXT_DISTANCE;
  }
}
