package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Marked words are analysed as written and ASCII-folded, at one place; everything else as Lucene's analysers do. */
class AnalysisTest {

  private static final String[] TEXTS = {
    "Facebook's $550 Million Deal: the U.S. Court Settles Facial-Recognition Lawsuits",
    "Tokyo's watchdog — \"It is what it is,\" said the regulator of the exchanges. 3.5% in Q2, e-mail O'Neil",
    "Beyoncé's São Paulo café: Zürich, Nestlé, Ærø, Gdańsk and Straße; 東京 and Αθήνα",
    "",
    "the of and",
  };
  private static final java.util.regex.Pattern DOTTED_ACRONYM = java.util.regex.Pattern.compile("\\b\\p{L}\\.\\p{L}\\b");
  private static final String[] STEMMED = {Schema.TITLE, Schema.EXCERPT, Schema.BODY};
  private static final String[] PLAIN = {Schema.TITLE_EXACT, Schema.TEXT_EXACT, Schema.PROVIDER_TEXT, Schema.TOPIC_TEXT};

  /**
   * Without the folded copies, what Lucene's English and standard analysers give: what generations written
   * before the folding hold, which queries still find, and the ranking as before for words without marks.
   */
  @Test
  void theWordsAsWrittenAreWhatTheEnglishAndStandardAnalyzersGive() throws IOException {
    Analyzer lede = Schema.analyzer();
    Analyzer english = new EnglishAnalyzer();
    Analyzer standard = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    for (String text : TEXTS) {
      for (String field : STEMMED) assertEquals(tokens(english, field, text), asWritten(tokens(lede, field, text)), field + ": " + text);
      for (String field : PLAIN) assertEquals(tokens(standard, field, text), asWritten(tokens(lede, field, text)), field + ": " + text);
      if (text.chars().allMatch(c -> c < 0x80) && !DOTTED_ACRONYM.matcher(text).find()) {
        for (String field : STEMMED) assertEquals(tokens(english, field, text), tokens(lede, field, text), "no copies: " + text);
      }
    }
  }

  @Test
  void markedWordsAlsoComeFoldedAtTheSamePlace() throws IOException {
    Analyzer lede = Schema.analyzer();
    assertEquals(List.of("beyonc@0[0,9]", "beyoncé@+0[0,9]", "sao@1[10,13]", "são@+0[10,13]", "paulo@2[14,19]",
        "cafe@3[20,24]", "café@+0[20,24]"), tokens(lede, Schema.TITLE, "Beyoncé's São Paulo café"));
    assertEquals(List.of("zurich@0[0,6]", "zürich@+0[0,6]", "2024@1[7,11]"), tokens(lede, Schema.TITLE_EXACT, "Zürich 2024"));
    assertTrue(tokens(lede, Schema.EXCERPT, TEXTS[2]).contains("strass@9[58,64]"), tokens(lede, Schema.EXCERPT, TEXTS[2]).toString());
  }

  @Test
  void dottedAcronymsAlsoComeWithoutDots() throws IOException {
    Analyzer lede = Schema.analyzer();
    assertEquals(List.of("us@0[0,3]", "u.@+0[0,3]", "uk@2[9,12]", "u.k@+0[9,12]", "ph.d@3[14,18]"),
        tokens(lede, Schema.TITLE, "U.S. and U.K. Ph.D"));
    assertEquals(List.of("us@0[0,3]", "u.s@+0[0,3]", "us@1[5,7]", "dc@2[8,11]", "d.c@+0[8,11]"),
        tokens(lede, Schema.TITLE_EXACT, "U.S. US D.C."));
  }

  /** The tokens without the folded copies: at each place the last token, the word as written. */
  private static List<String> asWritten(List<String> tokens) {
    List<String> out = new ArrayList<>();
    for (String t : tokens) {
      if (t.contains("@+0")) {
        String previous = out.remove(out.size() - 1);
        t = t.replace("@+0", previous.substring(previous.indexOf('@'), previous.indexOf('[')));
      }
      out.add(t);
    }
    return out;
  }

  /** Each token as term@position (or @+0 for a copy at the previous token's place) [start,end]. */
  private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute step = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offsets = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        String at = step.getPositionIncrement() == 0 ? "+0" : String.valueOf(position += step.getPositionIncrement());
        out.add(term + "@" + at + "[" + offsets.startOffset() + "," + offsets.endOffset() + "]");
      }
      ts.end();
    }
    return out;
  }
}
