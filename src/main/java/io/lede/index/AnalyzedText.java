package io.lede.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text analysed once — each token's term, position step and offsets — and replayed as often as
 * needed: into its index field and into the story's signature, which would otherwise analyse the same
 * title and excerpt a second time (a twelfth of indexing's CPU).
 */
final class AnalyzedText {
  private static final int INITIAL = 32;

  private final int length;
  /** The position step the analyser reports at the end (stop words after the last token). */
  private int finalIncrement;
  private String[] terms = new String[INITIAL];
  private int[] increments = new int[INITIAL];
  private int[] starts = new int[INITIAL];
  private int[] ends = new int[INITIAL];
  private int size;

  private AnalyzedText(int length) {
    this.length = length;
  }

  /** {@code text} as {@code analyzer} analyses it for {@code field}. */
  static AnalyzedText of(Analyzer analyzer, String field, String text) {
    AnalyzedText out = new AnalyzedText(text.length());
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute step = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString(), step.getPositionIncrement(), offsets.startOffset(), offsets.endOffset());
      ts.end();
      out.finalIncrement = step.getPositionIncrement();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing in memory cannot fail", e);
    }
    return out;
  }

  private void add(String term, int increment, int start, int end) {
    if (size == terms.length) {
      terms = Arrays.copyOf(terms, size * 2);
      increments = Arrays.copyOf(increments, size * 2);
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    terms[size] = term;
    increments[size] = increment;
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  /** The terms, in order. */
  String[] terms() {
    return Arrays.copyOf(terms, size);
  }

  /** A new stream replaying the tokens, as the analyser produced them, for a field of their own. */
  TokenStream tokenStream() {
    return new TokenStream() {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private final PositionIncrementAttribute step = addAttribute(PositionIncrementAttribute.class);
      private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
      private int next;

      @Override
      public boolean incrementToken() {
        if (next == size) return false;
        clearAttributes();
        term.setEmpty().append(terms[next]);
        step.setPositionIncrement(increments[next]);
        offsets.setOffset(starts[next], ends[next]);
        next++;
        return true;
      }

      @Override
      public void end() throws IOException {
        super.end();
        offsets.setOffset(length, length);
        step.setPositionIncrement(finalIncrement);
      }

      @Override
      public void reset() throws IOException {
        super.reset();
        next = 0;
      }
    };
  }
}
