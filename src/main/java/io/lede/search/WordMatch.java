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
  /** At least one word must match (with typos allowed); more words matched rank higher. */
  ANY_WORD;

  /** The name the API and the CLI use: {@code all_words}, {@code all_words_fuzzy}, {@code any_word}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
