package io.lede.item;

import java.util.Locale;

/**
 * One spelling of a topic whatever case a feed writes it in. Feeds name the same topic "POLITICS",
 * "politics" and "Politics"; a name all in capitals or all in lower case carries no casing of its own, so
 * it is shown in title case ("Politics", "World News", "Money-fx") and the three are one facet value. A name
 * in mixed case ("iPhone", "Sci/Tech") is kept as written, and so is one in capitals whose words are all
 * short enough to be acronyms ("AI", "NATO", "U.S. NEWS").
 */
public final class TopicCase {

  /** Longest capitalised word still taken for an acronym. */
  static final int ACRONYM_LETTERS = 4;

  private TopicCase() {}

  public static String canonical(String topic) {
    boolean upper = false, lower = false, longWord = false;
    int run = 0;
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      if (Character.isLetter(c)) {
        upper |= Character.isUpperCase(c);
        lower |= Character.isLowerCase(c);
        longWord |= ++run > ACRONYM_LETTERS;
      } else if (Character.isWhitespace(c)) {
        run = 0;
      }
    }
    if (upper == lower || (upper && !longWord)) return topic; // mixed case, no letters, or acronyms
    StringBuilder out = new StringBuilder(topic.length());
    for (String word : topic.split(" ", -1)) {
      if (!out.isEmpty()) out.append(' ');
      if (word.indexOf('.') >= 0) {
        out.append(word.toUpperCase(Locale.ROOT)); // "u.s." is an abbreviation either way
      } else if (!word.isEmpty()) {
        int first = word.codePointAt(0);
        out.appendCodePoint(Character.toTitleCase(first)).append(word.substring(Character.charCount(first)).toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }
}
