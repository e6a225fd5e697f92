package io.lede.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The file layout and single fields, on small in-memory files. */
class FrontMatterReaderTest {

  private final FrontMatterReader reader = new FrontMatterReader();

  private ParseResult parse(String content) {
    return reader.parse("item.txt", content.getBytes(StandardCharsets.UTF_8));
  }

  private NewsItem item(String content) {
    ParseResult r = parse(content);
    assertTrue(r.item().isPresent(), r.problems()::toString);
    return r.item().get();
  }

  @Test
  void theBodyAfterTheClosingFenceIsKeptAndCleaned() {
    NewsItem item = item("""
        ---
        title: With a body
        ---
        <p>First paragraph with <b>bold</b> &amp; an entity.</p>

        Second paragraph donâ€™t.
        ---
        A later '---' line belongs to the body.
        """);
    assertEquals("First paragraph with bold & an entity. Second paragraph don’t. --- A later '---' line belongs to the body.",
        item.body());
  }

  @Test
  void aFileWithOnlyFrontMatterHasAnEmptyBody() {
    assertEquals("", item("---\ntitle: No body\n---").body());
    assertEquals("", item("---\ntitle: No body\n---\n\n\n").body());
  }

  @Test
  void leadingBlankLinesAndTrailingSpacesOnFencesAreTolerated() {
    ParseResult r = parse("\n\n---  \ntitle: Late start\nquality: x\n--- \nbody");
    assertEquals("Late start", r.item().orElseThrow().article().title());
    assertEquals("body", r.item().orElseThrow().body());
    assertEquals(5, r.problems().get(0).line(), "lines count from the top of the file, blank lines included");
  }

  @Test
  void anIndentedDashLineInsideTheYamlIsNotAFence() {
    NewsItem item = item("---\ntitle: Block\nexcerpt: |\n  above\n  ---\n  below\n---\n");
    assertEquals("above --- below", item.article().excerpt());
  }

  @ParameterizedTest(name = "published: {0} -> {1}")
  @CsvSource({"true, true", "false, false", "yes, true", "no, false", "'\"true\"', true", "1, true", "0, false", "TRUE, true"})
  void publishedIsAFlag(String value, boolean expected) {
    ParseResult r = parse("---\ntitle: Flag\npublished: " + value + "\n---\n");
    assertEquals(expected, r.item().orElseThrow().published());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void anUnreadablePublishedFlagIsReportedAndReadAsFalse() {
    ParseResult r = parse("---\ntitle: Flag\npublished: maybe\n---\n");
    assertFalse(r.item().orElseThrow().published());
    assertEquals(List.of(ItemProblem.ofField("item.txt", 3, "published", "expected true or false, found 'maybe'")), r.problems());
  }

  @Test
  void missingTitlesAreReportedAtTheirStory() {
    ParseResult r = parse("""
        ---
        excerpt: An article without a title
        related:
          - title: Fine
          - excerpt: A related entry without a title
        ---
        """);
    NewsItem item = r.item().orElseThrow();
    assertEquals("", item.article().title());
    assertEquals(2, item.related().size());
    assertEquals(List.of(
        ItemProblem.ofField("item.txt", 2, "title", "title is missing"),
        ItemProblem.ofField("item.txt", 5, "related[1].title", "title is missing")), r.problems());
  }

  @Test
  void anItemWithNothingToIndexIsDroppedAndReported() {
    ParseResult r = parse("---\nwebUrl: https://x.example/\nquality: 5\n---\n");
    assertTrue(r.item().isEmpty());
    assertTrue(r.problems().stream().anyMatch(p -> p.reason().contains("nothing to index")), r.problems()::toString);
  }

  @ParameterizedTest(name = "quality: {0} -> {1}")
  @CsvSource({"45, 45", "'\"45\"', 45", "' 45 ', 45", "45.4, 45", "45.5, 46", "+7, 7", "1_000, 1000", "0, 0", "-1, -1"})
  void qualityAcceptsWholeNumbersAndNumericStrings(String value, int expected) {
    ParseResult r = parse("---\ntitle: Q\nquality: " + value + "\n---\n");
    assertEquals(expected, r.item().orElseThrow().article().quality());
    assertEquals(List.of(), r.problems());
  }

  @ParameterizedTest(name = "quality: {0}")
  @CsvSource(delimiter = '|', value = {"high", "0x2A", ".inf", "true", "[1, 2]", "{a: 1}", "99999999999", "1e99999999", "-7"})
  void anythingElseIsAQualityProblemAndUnknown(String value) {
    ParseResult r = parse("---\ntitle: Q\nquality: " + value + "\n---\n");
    assertEquals(Story.UNKNOWN, r.item().orElseThrow().article().quality());
    assertEquals(1, r.problems().size(), r.problems()::toString);
    assertEquals("quality", r.problems().get(0).field());
    assertEquals(3, r.problems().get(0).line());
    assertFalse(r.problems().get(0).fatal());
  }

  @Test
  void aBareProviderNameIsRead() {
    assertEquals(new Provider("Reuters", ""), item("---\ntitle: P\nprovider: Reuters\n---\n").article().provider());
    assertEquals(new Provider("Example", "example.com"),
        item("---\ntitle: P\nprovider: {name: Example, domain: Example.COM}\n---\n").article().provider());
    assertEquals(Provider.UNKNOWN, item("---\ntitle: P\n---\n").article().provider());
  }

  @Test
  void topicsAreCleanedAndDeduplicatedInOrder() {
    assertEquals(List.of("AI", "Computer Vision", "R&D"),
        item("---\ntitle: T\ntopics: [AI, ' Computer  Vision ', AI, '', R&amp;D]\n---\n").topics());
    assertEquals(List.of("Solo"), item("---\ntitle: T\ntopics: Solo\n---\n").topics());
  }

  @Test
  void urlPreferenceRunsOriginalSourceWebThenAmpAndCdn() {
    Story s = item("""
        ---
        title: All keys
        cdnAmpWebUrl: https://e-x.cdn.ampproject.org/c/s/e.x/amp/web
        cdnAmpUrl: https://e-x.cdn.ampproject.org/c/s/e.x/amp
        ampUrl: https://e.x/amp
        ampWebUrl: https://e.x/amp/web
        webUrl: https://e.x/web
        sourceUrl: https://e.x/source
        originalUrl: https://e.x/original
        ---
        """).article();
    assertEquals("https://e.x/original", s.url());
    assertEquals(List.of("https://e.x/source", "https://e.x/web", "https://e.x/amp/web", "https://e.x/amp",
        "https://e-x.cdn.ampproject.org/c/s/e.x/amp/web", "https://e-x.cdn.ampproject.org/c/s/e.x/amp"), s.alternateUrls());
    assertEquals("https://e.x/amp", item("---\ntitle: Only AMP\nampUrl: https://e.x/amp\n---\n").article().url());
  }
}
