package io.lede.search;

import java.util.Locale;

/**
 * How strictly a query's words must match. A search tries them in this order and answers with the first
 * that finds hits, saying which in {@link SearchResponse#matched()}, so a reader can be told when the
 * stories shown do not contain every word.
 */
public enum WordMatch {
  /** Every word (or one of its OR alternatives) must match, as typed or stemmed. */
  ALL_WORDS,
  /** As {@link #ALL_WORDS}, but a word the index does not know may also match with a typo or two. */
  ALL_WORDS_FUZZY,
  /**
   * For three words or more: all but one must match, all but one in four for longer queries (with typos
   * allowed, see {@link #required(int)}); more words matched rank higher.
   */
  MOST_WORDS,
  /** At least one word must match (with typos allowed); more words matched rank higher. */
  ANY_WORD;

  /** Fewest words for which {@link #MOST_WORDS} differs from both {@link #ALL_WORDS} and {@link #ANY_WORD}. */
  static final int MOST_WORDS_FROM = 3;

  /**
   * How many of a query's {@code words} (groups of alternatives) a match must have in this mode. Most words
   * is Elasticsearch's {@code minimum_should_match} of "-25%" with at least one word left out: 2 of 3, 3 of 4,
   * 6 of 8.
   */
  int required(int words) {
    return switch (this) {
      case ALL_WORDS, ALL_WORDS_FUZZY -> words;
      case MOST_WORDS -> Math.max(1, words - Math.max(1, words / 4));
      case ANY_WORD -> Math.min(1, words);
    };
  }

  /** The name the API and the CLI use: {@code all_words}, {@code all_words_fuzzy}, {@code most_words}, {@code any_word}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
