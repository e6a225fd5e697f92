package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Tokens analysed once and replayed are exactly what the analyser gives the index, and the signature agrees. */
class AnalyzedTextTest {

  private static final String[] TEXTS = {
    "Facebook's $550 Million Deal: the U.S. Court Settles Facial-Recognition Lawsuits",
    "Tokyo's watchdog — \"It is what it is,\" said the regulator of the exchanges.",
    "",
    "the of and",
    "Beyoncé's São Paulo café — Zürich's Ærø", // folded copies at the same position as the originals
  };

  @Test
  void replayedTokensMatchTheAnalyser() throws Exception {
    Analyzer analyzer = Schema.analyzer();
    for (String field : new String[] {Schema.TITLE, Schema.EXCERPT}) {
      for (String text : TEXTS) {
        List<String> direct = tokens(analyzer.tokenStream(field, text));
        List<String> replayed = tokens(AnalyzedText.of(analyzer, field, text).tokenStream());
        assertEquals(direct, replayed, field + ": " + text);
      }
    }
  }

  @Test
  void theSignatureFromTheTokensIsTheSignatureFromTheText() {
    Analyzer analyzer = Schema.analyzer();
    StorySignature.Maker maker = new StorySignature.Maker();
    for (String title : TEXTS) {
      for (String excerpt : TEXTS) {
        assertEquals(maker.of("Reuters", title, excerpt), StorySignature.Maker.fromWords("Reuters",
            AnalyzedText.of(analyzer, Schema.TITLE, title).terms(), AnalyzedText.of(analyzer, Schema.EXCERPT, excerpt).terms()));
      }
    }
  }

  /** Every token as term/position step/start-end, and the final offset. */
  private static List<String> tokens(TokenStream ts) throws Exception {
    List<String> out = new ArrayList<>();
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute step = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "/" + step.getPositionIncrement() + "/" + offsets.startOffset() + "-" + offsets.endOffset());
      }
      ts.end();
      out.add("end " + offsets.endOffset() + " +" + step.getPositionIncrement());
    }
    return out;
  }
}
