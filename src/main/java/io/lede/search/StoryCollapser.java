package io.lede.search;

import io.lede.index.StorySignature;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds the same story told more than once into one group, in rank order: each hit joins the first
 * higher-ranked group whose leading hit tells the same story, or starts a group of its own.
 *
 * <p>"The same story" means published close together and, from two providers, near-identical titles
 * (normalised words, Jaccard similarity at least {@value #TITLE_SIMILARITY}: "... Facial Recognition
 * Suit" and "... Facial Recognition Lawsuit") or near-identical text (excerpt SimHashes at most
 * {@value #TEXT_DISTANCE} bits apart: one wire story under two headlines). From one provider the bar is
 * higher — titles at least {@value #SAME_PROVIDER_TITLE_SIMILARITY} alike, within {@value
 * #SAME_PROVIDER_HOURS} h — because a provider's templated briefs differ in one name ("Citgo raises
 * crude postings 50 cts" and "Phillips raises crude postings 50 cts", with the same text around it) and
 * its daily series repeat a title every day ("Fed adds reserves via customer repurchases"). Across
 * providers the same news can be a day and a half apart ({@value #OTHER_PROVIDER_HOURS} h).
 */
final class StoryCollapser {

  static final double TITLE_SIMILARITY = 0.75;
  static final double SAME_PROVIDER_TITLE_SIMILARITY = 0.85;
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
    boolean sameProvider = x.provider() == y.provider();
    long hours = sameProvider ? SAME_PROVIDER_HOURS : OTHER_PROVIDER_HOURS;
    if (a.publishedMillis() != null && b.publishedMillis() != null
        && Math.abs(a.publishedMillis() - b.publishedMillis()) > hours * 3_600_000L) {
      return false;
    }
    boolean titled = x.titleWords().length >= MIN_TITLE_WORDS && y.titleWords().length >= MIN_TITLE_WORDS;
    if (sameProvider) return titled && x.titleSimilarity(y) >= SAME_PROVIDER_TITLE_SIMILARITY;
    if (titled && x.titleSimilarity(y) >= TITLE_SIMILARITY) return true;
    return x.textWords() >= MIN_TEXT_WORDS && y.textWords() >= MIN_TEXT_WORDS && x.textDistance(y) <= TEXT_DISTANCE;
  }
}
