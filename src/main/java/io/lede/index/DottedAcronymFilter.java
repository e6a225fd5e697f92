package io.lede.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * An acronym written with dots ("u.s", "u.k", "d.c", as the tokenizer leaves "U.S.") also comes without them,
 * at the same position and before it, so "US" and "U.S." find each other. Only single letters between dots
 * count ("ph.d" stays as it is). As with {@link org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter}'s
 * copies, the word as written is the last token of its position.
 */
final class DottedAcronymFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute step = addAttribute(PositionIncrementAttribute.class);
  private State original;

  DottedAcronymFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (original != null) {
      restoreState(original);
      original = null;
      step.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) return false;
    int letters = dottedLetters(term.buffer(), term.length());
    if (letters < 2) return true;
    original = captureState();
    char[] b = term.buffer();
    int n = 0;
    for (int i = 0, len = term.length(); i < len; i++) if (b[i] != '.') b[n++] = b[i];
    term.setLength(n);
    return true;
  }

  /**
   * The form without dots that a word of single letters and dots is indexed as too ("u.s." is also "us"), so a
   * query can look it up as the index has it; any other word as it is.
   */
  static String withoutDots(String word) {
    return dottedLetters(word.toCharArray(), word.length()) < 2 ? word : word.replace(".", "");
  }

  /** How many letters a token of single letters and dots ("u.s", "u.s.a.") has; 0 for any other token. */
  static int dottedLetters(char[] b, int length) {
    int letters = 0;
    boolean dots = false;
    for (int i = 0; i < length; i++) {
      if (Character.isLetter(b[i])) {
        if (i + 1 < length && b[i + 1] != '.') return 0; // two letters in a row: a word, not initials
        letters++;
      } else if (b[i] == '.') {
        if (i == 0 || b[i - 1] == '.') return 0;
        dots = true;
      } else {
        return 0;
      }
    }
    return dots ? letters : 0;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    original = null;
  }
}
