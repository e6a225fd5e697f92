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
 * "Did you mean": replaces each word the index does not know with the closest, most common title word,
 * read straight from the index terms with Lucene's {@link DirectSpellChecker} — no separate dictionary
 * to build or keep in step. Like Elasticsearch's term suggester in its default "missing" mode, a word the
 * index has is taken as spelled right: checking it would mostly second-guess rare names, and building
 * edit-distance automata is the costly part of spell checking.
 */
final class SpellingSuggester {

  private final DirectSpellChecker checker = new DirectSpellChecker();

  SpellingSuggester() {
    checker.setMinPrefix(1);
    checker.setMaxEdits(2);
    checker.setMinQueryLength(3);
    checker.setAccuracy(0.7f);
  }

  /** The query with its unknown words corrected, if any could be. */
  Optional<String> suggest(IndexReader reader, String query, List<String> words) throws IOException {
    String corrected = query.toLowerCase(Locale.ROOT);
    boolean changed = false;
    for (String word : words) {
      if (word.length() < 3 || !word.chars().allMatch(Character::isLetter)) continue;
      if (reader.docFreq(new Term(Schema.TITLE_EXACT, word)) > 0 || reader.docFreq(new Term(Schema.TEXT_EXACT, word)) > 0) {
        continue;
      }
      SuggestWord[] best = checker.suggestSimilar(new Term(Schema.TITLE_EXACT, word), 1, reader, SuggestMode.SUGGEST_MORE_POPULAR);
      if (best.length == 0 || best[0].string.equals(word)) continue;
      Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(corrected);
      if (m.find()) {
        corrected = m.replaceAll(Matcher.quoteReplacement(best[0].string));
        changed = true;
      }
    }
    return changed ? Optional.of(corrected) : Optional.empty();
  }
}
