package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlEscaperTest {

  @Test
  void escapesTheFiveSpecialCharactersWhereverTheyAre() {
    assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", HtmlEscaper.escape("<script>alert('x')</script>"));
    assertEquals("Fish &amp; chips, &quot;fresh&quot;", HtmlEscaper.escape("Fish & chips, \"fresh\""));
    assertEquals("tail &gt;", HtmlEscaper.escape("tail >"));
    assertEquals("", HtmlEscaper.escape(""));
  }

  @Test
  void plainTextComesBackAsItIs() {
    String text = "Harbour cranes idle — dockers strike (day 3)";
    assertEquals(text, HtmlEscaper.escape(text));
  }
}
