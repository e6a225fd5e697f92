package io.lede.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextCleanerTest {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @Test
  void nullAndBlankBecomeEmpty() {
    assertEquals("", TextCleaner.clean(null));
    assertEquals("", TextCleaner.clean(""));
    assertEquals("", TextCleaner.clean(" \t\n\u00A0 "));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Tom &amp; Jerry                  | Tom & Jerry",
      "it&#39;s                         | it's",
      "it&#x2019;s                      | it’s",
      "it&#X2019;s                      | it’s",
      "a&nbsp;b                         | a b",
      "&quot;quoted&quot; &lt;tag&gt;   | \"quoted\" <tag>",
      "&ldquo;Hi&rdquo; &hellip; &euro;5 | “Hi” … €5",
      "caf&eacute; &#233;clair          | café éclair",
      "&#128512; smile                  | 😀 smile",
      "&AMP; upper-case name            | & upper-case name",
  })
  void decodesEntities(String raw, String expected) {
    assertEquals(expected, TextCleaner.clean(raw));
  }

  @ParameterizedTest(name = "{0} stays")
  @ValueSource(strings = {
      "AT&T and P&G",                 // a bare ampersand is text
      "&notanentity; stays",          // unknown names are kept
      "&#0; null stays",              // U+0000 is never decoded
      "&#xD800; lone surrogate",      // nor half a surrogate pair
      "&#1114112; beyond Unicode",    // nor a code point past U+10FFFF
      "&amp without semicolon",
  })
  void leavesWhatIsNotAnEntity(String raw) {
    assertEquals(raw, TextCleaner.clean(raw));
  }

  @Test
  void decodesEntitiesOnceOnly() {
    // "&amp;lt;" is the text "&lt;", not a "<": decoding twice would change what the feed said.
    assertEquals("&lt;b&gt; means bold", TextCleaner.clean("&amp;lt;b&amp;gt; means bold"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "<b>Bold</b> move                                  | Bold move",
      "<B>-AP</b>                                        | -AP",
      "<a href=\"https://example.com/x?a=1&amp;b=2\">link</a> text | link text",
      "<p>One</p><p>Two</p>                              | One Two",
      "line<br>break<br/>again<br />end                  | line break again end",
      "a<i>b</i>c                                        | abc",
      "<span class=\"x\" style=\"color:red\">styled</span> | styled",
      "<b onclick=\"alert(1)\">click</b>                 | click",
      "<a href=\"javascript:alert(1)\">bad link</a>      | bad link",
      "<p> </p><p> By Andrew Mitchell</p><p> LONDON (Reuters) - Oil</p> | By Andrew Mitchell LONDON (Reuters) - Oil",
      "<BR><FONT face=\"verdana\" size=\"-2\"><B>-The Washington ... | -The Washington ...",
      "Fossil <b>...</b>                                 | Fossil ...",
  })
  void stripsFormattingTags(String raw, String expected) {
    assertEquals(expected, TextCleaner.clean(raw));
  }

  /**
   * Anything that is not a formatting tag stays literal: the title is shown HTML-escaped everywhere,
   * so a reader sees what the hostile file contained instead of it silently vanishing (see the
   * {@link TextCleaner} javadoc).
   */
  @ParameterizedTest(name = "{0} stays literal")
  @ValueSource(strings = {
      "<script>alert(1)</script> headline",
      "<img src=x onerror=alert(1)> headline",
      "<iframe src=\"https://evil.example\"></iframe>",
      "<svg onload=alert(1)>",
      "<!-- comment --> text",
      "if a < b and c > d",
      "a<b and c>d",                           // looks like <b ...> but has no attribute syntax
      "First Interstate Bancorp <I> - Shelf offering",  // Reuters tickers named like tags
      "Sears, Roebuck and Co <S> said",
      "Phillips Petroleum <P> Raises Crude Postings",
      "Entertainment Marketing Inc <EM> said",
      "<Mark Resources Inc> said it agreed",           // Reuters company names in brackets
      "<MARK'S Work Wearhouse LTD> Year Net",
      "buy contractor <P.W. Stephens> for three mln",
      "<B and R International Inc.>, a U.S. broker",
      "<A/S Norske Shell>, a subsidiary",
  })
  void keepsEverythingElseLiteral(String raw) {
    assertEquals(raw, TextCleaner.clean(raw));
  }

  @Test
  void entityEncodedMarkupBecomesLiteralTextNotMarkup() {
    // Tags are stripped before entities are decoded, so escaped markup is shown, never interpreted.
    assertEquals("<script>alert(1)</script>", TextCleaner.clean("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertEquals("<b>x</b>", TextCleaner.clean("&lt;b&gt;x&lt;/b&gt;"));
  }

  @Test
  void bareUpperCaseTagCountsAsMarkupWhenTheTextIsHtml() {
    assertEquals("Barnes Group <B> Expects", TextCleaner.clean("Barnes Group <B> Expects"));
    assertEquals("bold", TextCleaner.clean("<B>bold</B>"));
    assertEquals("cut off -The Post ...", TextCleaner.clean("cut off <font size=\"-2\"><B>-The Post ..."));
  }

  @Test
  void foldsWhitespace() {
    assertEquals("padded", TextCleaner.clean("  padded  "));
    assertEquals("tabs and newlines x", TextCleaner.clean("tabs\tand\nnewlines\r\nx"));
    assertEquals("many spaces", TextCleaner.clean("many     spaces"));
    assertEquals("nbsp narrow figure thin ideographic end",
        TextCleaner.clean("nbsp\u00A0narrow\u202Ffigure\u2007thin\u2009ideographic\u3000end"));
    assertEquals("zero width and bom", TextCleaner.clean("zero\u200Bwidth and \uFEFFbom"));
    assertEquals("line sep para", TextCleaner.clean("line\u2028sep\u2029para"));
    assertEquals("ctrl chars gone", TextCleaner.clean("ctrl\u0001chars\u007Fgone"));
    assertEquals("a b", TextCleaner.clean("a \u00A0 \t\n\u200B b"));
  }

  /** The cases named in issue 2 and the usual suspects, written as they appear in feeds. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`saidÂ\u00A0231 accused`     | said 231 accused",          // the seeds' own case; NBSP then folded
      "donâ€™t                      | don’t",
      "Ã©                          | é",
      "cafÃ©                        | café",
      "Ã¼ber MÃ¼nchen               | über München",
      "`â€œquotedâ€\u009D`          | “quoted”",                   // 0x9D is undefined in Windows-1252
      "`Ã\u0081lvaro`               | Álvaro",                     // so is 0x81: read as Latin-1
      "a â€” b â€“ c â€¦           | a — b – c …",
      "â‚¬5 and 10Â°C                | €5 and 10°C",
      "Microsoftâ„¢                  | Microsoft™",
      "caf&#195;&#169;              | café",                        // mojibake behind entities
  })
  void repairsMojibake(String raw, String expected) {
    assertEquals(expected, TextCleaner.clean(raw));
  }

  /** Round trip: encode as UTF-8, read the bytes back as a sloppy Windows-1252 decoder does, repair. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "don’t “quote” me — ok…", "café crème brûlée", "Łódź", "și țară", "Việt Nam", "Ærø Øresund",
      "€5 at 10°C, ½ off™", "smile 😀 🎉",
      "Привет в мир",          // Cyrillic, with a one-letter word inside the run's text
      "Αθήνα", "日本語のニュース", "עברית",
  })
  void repairsWhatASloppyWindows1252ReadDidToUtf8(String original) {
    String garbled = sloppyWindows1252(original.getBytes(StandardCharsets.UTF_8));
    assertNotEquals(original, garbled);
    assertEquals(original, TextCleaner.clean(garbled));
  }

  /** Real text that only looks like UTF-8 read as Latin-1, one isolated pair at a time, must stay as written. */
  @ParameterizedTest(name = "{0} stays")
  @ValueSource(strings = {
      "café", "Zürich", "São Paulo", "naïve façade", "Øresund", "Ærø", "Ñandú", "10 µm, ±2°",
      "Ãlvaro",                     // Ã then a plain letter: not a UTF-8 sequence
      "NÃO SÃO",                    // Portuguese capitals
      "JOSÉ’S BAR",                 // É + ’ would decode to U+0252
      "CAFÉ” she said",             // É + ” would decode to U+0254
      "ÉTÉ…",                       // É + … would decode to U+0245
      "Gruß…",                      // ß + … would decode to U+07C5
      "“the café…”",                // é…” would decode to U+9154, a CJK character
      "don’t “quote” me — ok",      // correct punctuation is left alone
      "Привет 日本 😀",
  })
  void leavesGenuineTextAlone(String text) {
    assertEquals(text, TextCleaner.clean(text));
  }

  /** What a decoder that maps each byte to one character does: Windows-1252 where defined, else Latin-1. */
  private static String sloppyWindows1252(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      try {
        s.append(WINDOWS_1252.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(new byte[] {b})));
      } catch (CharacterCodingException undefined) {
        s.append((char) (b & 0xFF));
      }
    }
    return s.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<b>Tom</b> &amp; Jerry donâ€™t", "saidÂ\u00A0231", "<Mark Resources Inc> said", "  a \n b ",
      "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "<script>x</script> AT&T",
  })
  // Not for entity-escaped markup: "&lt;b&gt;" cleans to "<b>", which a second pass would strip.
  void cleaningTwiceChangesNothingMore(String raw) {
    String once = TextCleaner.clean(raw);
    assertEquals(once, TextCleaner.clean(once));
  }

  @Test
  void hostileInputStaysLinear() {
    // Unclosed tags and long runs must not make the patterns backtrack for ever.
    String[] hostile = {
        "<a" + " ".repeat(200_000),
        "<a href=" + "x".repeat(200_000),
        "<b ".repeat(50_000),
        "&#" + "1".repeat(200_000),
        "Ã".repeat(200_000),
        "Ã©".repeat(100_000),
        "<B>".repeat(50_000) + "</b>",
    };
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (String s : hostile) TextCleaner.clean(s);
    });
    assertEquals("é".repeat(100_000), TextCleaner.clean("Ã©".repeat(100_000)));
  }
}
