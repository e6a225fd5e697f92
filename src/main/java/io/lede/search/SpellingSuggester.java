package io.lede.search;

import io.lede.index.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": replaces each word that looks misspelt with the closest, most common title word, read
 * straight from the index terms with Lucene's {@link DirectSpellChecker} — no separate dictionary to build
 * or keep in step. A word looks misspelt when the index does not have it, or — when the words as typed
 * found nothing — has it in so few stories that they are likelier to hold the same typo (news text has its
 * "goverment"s): then a neighbour must be far more common to replace it, so rare names that are right are
 * left alone. A common word is taken as spelled right, as in Elasticsearch's term suggester's "missing"
 * mode.
 */
final class SpellingSuggester {

  /** Stories a word may be in and still be taken for a typo: at least this many... */
  static final int RARE_STORIES = 3;
  /** ...or this share of the index, whichever is more. */
  static final double RARE_SHARE = 1.0 / 200_000;
  /** How much more common a correction of a word the index has must be. */
  static final int MORE_COMMON = 10;

  private final DirectSpellChecker checker = new DirectSpellChecker();

  SpellingSuggester() {
    checker.setMinPrefix(1);
    checker.setMaxEdits(2);
    checker.setMinQueryLength(3);
    checker.setAccuracy(0.7f);
  }

  /**
   * The query with its misspelt-looking words corrected, if any could be.
   *
   * @param rareWordsToo whether words the index has in a few stories are checked too, not only those it lacks
   */
  Optional<String> suggest(IndexReader reader, String query, List<String> words, boolean rareWordsToo) throws IOException {
    String corrected = query.toLowerCase(Locale.ROOT);
    boolean changed = false;
    for (String word : words) {
      if (QueryFactory.editsFor(word) == 0) continue; // too short, too long or not all letters: taken as typed
      int stories = stories(reader, word);
      if (stories > (rareWordsToo ? rareLimit(reader) : 0)) continue;
      SuggestWord[] best = checker.suggestSimilar(new Term(Schema.TITLE_EXACT, word), 1, reader, SuggestMode.SUGGEST_MORE_POPULAR);
      if (best.length == 0 || best[0].string.equals(word) || (stories > 0 && best[0].freq < MORE_COMMON * stories)) continue;
      Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(corrected);
      if (m.find()) {
        corrected = m.replaceAll(Matcher.quoteReplacement(best[0].string));
        changed = true;
      }
    }
    return changed ? Optional.of(corrected) : Optional.empty();
  }

  /** Whether {@code word} (lower-cased as the exact fields index it) is in too few stories to be taken as meant. */
  static boolean mayBeMisspelt(IndexReader reader, String word) throws IOException {
    return stories(reader, word) <= rareLimit(reader);
  }

  private static int rareLimit(IndexReader reader) {
    return Math.max(RARE_STORIES, (int) (reader.maxDoc() * RARE_SHARE));
  }

  /** Stories with the word in the title or the text: at least the larger of the two counts. */
  static int stories(IndexReader reader, String word) throws IOException {
    return Math.max(reader.docFreq(new Term(Schema.TITLE_EXACT, word)), reader.docFreq(new Term(Schema.TEXT_EXACT, word)));
  }
}
