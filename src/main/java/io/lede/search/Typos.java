package io.lede.search;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;

/**
 * Which words of a query may be typos, and what a typo is matched by: the words within a few edits of it.
 * {@link QueryFactory} builds the same typo into the text query of every fallback and marks it in the
 * highlights; a searcher's {@link TypoExpansions} expands each typo once per search for all of them.
 */
interface Typos {

  /** True when {@code word} (lower-cased, as the exact fields index it) may be a typo. */
  boolean mayBe(String word);

  /** The query matching the words of {@code field} within {@code edits} of {@code word}. */
  Query near(String field, String word, int edits);

  /**
   * The index's words that {@code word}'s typo match finds in the exact fields, for the highlighter to mark;
   * empty when unknown (typos are then not marked).
   */
  Collection<String> nearWords(String word);

  /** No word is a typo. */
  Typos NONE = of(word -> false);

  /** The words {@code mayBe} accepts may be typos, matched by Lucene's fuzzy query; no near words known. */
  static Typos of(Predicate<String> mayBe) {
    return new Typos() {
      @Override
      public boolean mayBe(String word) {
        return mayBe.test(word);
      }

      @Override
      public Query near(String field, String word, int edits) {
        return fuzzy(field, word, edits);
      }

      @Override
      public Collection<String> nearWords(String word) {
        return List.of();
      }
    };
  }

  /** A typo's match in one field: a word that keeps its first letter, with up to 50 expansions. */
  static FuzzyQuery fuzzy(String field, String word, int edits) {
    return new FuzzyQuery(new Term(field, word), edits, QueryFactory.FUZZY_PREFIX, QueryFactory.FUZZY_MAX_EXPANSIONS, true);
  }
}
