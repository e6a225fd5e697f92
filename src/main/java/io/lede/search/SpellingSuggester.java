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
 * "Did you mean": replaces each word the index does not know (or barely knows, next to a far more
 * common spelling) with the closest title word, read straight from the index terms with Lucene's
 * {@link DirectSpellChecker} — no separate dictionary to build or keep in step.
 */
final class SpellingSuggester {

  /** A known word is only corrected when the suggestion is this many times more frequent. */
  static final int MORE_COMMON = 20;
  /**
   * Words in more documents than this are taken as spelled right, without asking the spell checker:
   * its edit-distance automata are the expensive part, and a word that common is rarely a typo.
   */
  static final int RARE = 3;

  /** For words the index does not have at all: up to two edits. */
  private final DirectSpellChecker unknown = checker(2);
  /**
   * For words it has, rarely: one edit. Building the two-edit automaton is the costly part of spell
   * checking, and these are mostly names spelled right.
   */
  private final DirectSpellChecker rare = checker(1);

  private static DirectSpellChecker checker(int maxEdits) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinPrefix(1);
    checker.setMaxEdits(maxEdits);
    checker.setMinQueryLength(3);
    checker.setAccuracy(0.7f);
    return checker;
  }

  /** The query with its misspelled words corrected, if any word was. */
  Optional<String> suggest(IndexReader reader, String query, List<String> words) throws IOException {
    String corrected = query.toLowerCase(Locale.ROOT);
    boolean changed = false;
    for (String word : words) {
      if (word.length() < 3 || !word.chars().allMatch(Character::isLetter)) continue;
      int known = reader.docFreq(new Term(Schema.TITLE_EXACT, word)) + reader.docFreq(new Term(Schema.TEXT_EXACT, word));
      if (known > RARE) continue;
      DirectSpellChecker checker = known == 0 ? unknown : rare;
      SuggestWord[] best = checker.suggestSimilar(new Term(Schema.TITLE_EXACT, word), 1, reader, SuggestMode.SUGGEST_MORE_POPULAR);
      if (best.length == 0 || best[0].string.equals(word)) continue;
      if (known > 0 && best[0].freq < (long) known * MORE_COMMON) continue;
      Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(corrected);
      if (m.find()) {
        corrected = m.replaceAll(Matcher.quoteReplacement(best[0].string));
        changed = true;
      }
    }
    return changed ? Optional.of(corrected) : Optional.empty();
  }
}
