package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matches are marked; everything else is HTML-escaped. */
class HighlightTest {

  @TempDir static Path dir;
  static Lede lede;

  @BeforeAll
  static void index() throws Exception {
    lede = Fixtures.open(dir,
        item("Hackers put <script>alert(1)</script> on zeppelin fan site")
            .excerpt("The \"zeppelin\" forum's <img src=x onerror=alert(2)> page & others were defaced."),
        item("Zeppelins are flying again").excerpt("Airships return to the skies over Friedrichshafen."));
  }

  @AfterAll
  static void close() throws Exception {
    lede.close();
  }

  private static Hit first(String q) {
    return lede.search(SearchRequest.builder().query(q).collapse(false).build()).hits().get(0);
  }

  @Test
  void markupInTitlesComesBackEscaped() {
    Hit h = first("hackers zeppelin");
    assertEquals("<mark>Hackers</mark> put &lt;script&gt;alert(1)&lt;/script&gt; on <mark>zeppelin</mark> fan site",
        h.highlights().title());
    assertEquals("The &quot;<mark>zeppelin</mark>&quot; forum&#39;s &lt;img src=x onerror=alert(2)&gt; page &amp; others were defaced.",
        h.highlights().excerpt());
    // The plain fields stay as the story says; only the highlights are HTML.
    assertEquals("Hackers put <script>alert(1)</script> on zeppelin fan site", h.title());
  }

  @Test
  void aMatchInsideMarkupIsMarkedButStaysText() {
    Hit h = first("script");
    assertEquals("Hackers put &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; on zeppelin fan site",
        h.highlights().title());
    assertFalse(h.highlights().excerpt().contains("<img"));
  }

  @Test
  void stemmedMatchesAreMarkedToo() {
    Hit h = first("zeppelin flying");
    assertEquals("<mark>Zeppelins</mark> are <mark>flying</mark> again", h.highlights().title());
  }

  @Test
  void prefixesAndPhrasesAreMarked() {
    var prefixed = lede.search(SearchRequest.builder().query("zepp*").collapse(false).build()).hits();
    assertEquals(2, prefixed.size());
    assertTrue(prefixed.stream().anyMatch(h -> h.highlights().title().equals("<mark>Zeppelins</mark> are flying again")));
    assertTrue(prefixed.stream().anyMatch(h -> h.highlights().title().endsWith("on <mark>zeppelin</mark> fan site")));
    Hit phrase = first("\"flying again\"");
    assertEquals("Zeppelins are <mark>flying again</mark>", phrase.highlights().title(), "a phrase is marked as one");
  }

  @Test
  void typosAndPrefixesBesideWordsAreMarkedFromTheTextItself() {
    // A typo the index does not know is matched fuzzily, and marked where the word it stands for is.
    Hit typo = first("zepelins");
    assertEquals("<mark>Zeppelins</mark> are flying again", typo.highlights().title());
    // A typo whose stem is further from the word's stem than the typo is from the word: "flyign" is one
    // transposition from "flying", but three edits from its stem "fly". The word it matched is marked.
    Hit swapped = first("flyign");
    assertEquals("Zeppelins are <mark>flying</mark> again", swapped.highlights().title());
    // A word and a prefix: both marked, in titles and excerpts, with the escaping around them intact.
    Hit mixed = first("hackers zepp*");
    assertEquals("<mark>Hackers</mark> put &lt;script&gt;alert(1)&lt;/script&gt; on <mark>zeppelin</mark> fan site",
        mixed.highlights().title());
    assertEquals("The &quot;<mark>zeppelin</mark>&quot; forum&#39;s &lt;img src=x onerror=alert(2)&gt; page &amp; others were defaced.",
        mixed.highlights().excerpt());
  }

  @Test
  void fieldsWithoutMatchesAreEscapedWithoutMarks() {
    Hit h = first("hackers");
    assertEquals("The &quot;zeppelin&quot; forum&#39;s &lt;img src=x onerror=alert(2)&gt; page &amp; others were defaced.",
        h.highlights().excerpt());
  }

  @Test
  void highlightingCanBeSkipped() {
    Hit h = lede.search(SearchRequest.builder().query("hackers").highlight(false).build()).hits().get(0);
    assertEquals("Hackers put &lt;script&gt;alert(1)&lt;/script&gt; on zeppelin fan site", h.highlights().title());
  }
}
