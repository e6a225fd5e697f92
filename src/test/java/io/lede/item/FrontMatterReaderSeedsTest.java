package io.lede.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five sample items in {@code seeds/}. Expected numbers were counted from the files by hand
 * ({@code grep -c '^  - title:'} for related entries, and reading the URL keys of each story).
 */
class FrontMatterReaderSeedsTest {

  private static final Path SEEDS = Path.of("seeds");
  private static final String S000 = "000_716087d221ba374e.txt";
  private static final String S001 = "001_4aa140a8f03c43d9.txt";
  private static final String S002 = "002_35f37359fa3d435c.txt";
  private static final String S003 = "003_ec02425a1d264854.txt";
  private static final String S004 = "004_0b299f2cb35e1191.txt";

  private static final Map<String, ParseResult> results = new TreeMap<>();

  @BeforeAll
  static void readSeeds() throws IOException {
    FrontMatterReader reader = new FrontMatterReader();
    try (Stream<Path> files = Files.list(SEEDS)) {
      files.filter(Files::isRegularFile).forEach(f -> results.put(f.getFileName().toString(), reader.read(f)));
    }
  }

  private static NewsItem item(String file) {
    ParseResult result = results.get(file);
    assertTrue(result.item().isPresent(), () -> file + " yielded no item: " + result.problems());
    return result.item().get();
  }

  @Test
  void everySeedIsReadWithoutProblems() {
    assertEquals(List.of(S000, S001, S002, S003, S004), List.copyOf(results.keySet()));
    results.forEach((file, result) -> {
      assertTrue(result.item().isPresent(), file);
      assertEquals(List.of(), result.problems(), file);
      assertEquals(file, result.item().get().source());
    });
  }

  @Test
  void countsArticlesAndRelatedEntries() {
    Map<String, Integer> related = new TreeMap<>();
    results.forEach((file, r) -> related.put(file, r.item().orElseThrow().related().size()));
    assertEquals(Map.of(S000, 1, S001, 2, S002, 35, S003, 1, S004, 1), related);
    assertEquals(5, results.values().stream().filter(r -> r.item().isPresent()).count());
    assertEquals(40, related.values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void relatedCountMatchesTheListEntriesInEachFile() throws IOException {
    // Cross-check against the files themselves, so a changed seed cannot silently drift from the parser.
    for (String file : results.keySet()) {
      long entries;
      try (Stream<String> lines = Files.lines(SEEDS.resolve(file))) {
        entries = lines.filter(l -> l.startsWith("  - title:")).count();
      }
      assertEquals(entries, item(file).related().size(), file);
    }
  }

  @Test
  void canonicalUrlPrefersTheOriginalOverAmpAndCdnCopies() {
    // 000: sourceUrl + ampUrl + cdnAmpUrl
    Story s000 = item(S000).article();
    assertEquals("https://www.indiatoday.in/india/story/jnu-violence-delhi-police-using-face-recognition-to-identify-attackers-1634637-2020-01-07", s000.url());
    assertEquals(List.of(
        "https://www.indiatoday.in/amp/india/story/jnu-violence-delhi-police-using-face-recognition-to-identify-attackers-1634637-2020-01-07",
        "https://www-indiatoday-in.cdn.ampproject.org/c/s/www.indiatoday.in/amp/india/story/jnu-violence-delhi-police-using-face-recognition-to-identify-attackers-1634637-2020-01-07"),
        s000.alternateUrls());

    // 003: originalUrl, an identical webUrl (not repeated), ampWebUrl, cdnAmpWebUrl
    Story s003 = item(S003).article();
    assertEquals("https://www.technologyreview.com/2020/11/18/1012257/citizens-are-turning-face-recognition-on-unidentified-police/", s003.url());
    assertEquals(List.of(
        "https://www.technologyreview.com/2020/11/18/1012257/citizens-are-turning-face-recognition-on-unidentified-police/amp/",
        "https://www-technologyreview-com.cdn.ampproject.org/c/s/www.technologyreview.com/2020/11/18/1012257/citizens-are-turning-face-recognition-on-unidentified-police/amp/"),
        s003.alternateUrls());

    // 001 and 004: originalUrl equal to webUrl, so no alternates; 002: webUrl only
    assertEquals("https://www.straitstimes.com/asia/south-asia/india-police-use-facial-recognition-technology-to-track-known-sexual-offenders", item(S001).article().url());
    assertEquals(List.of(), item(S001).article().alternateUrls());
    assertEquals("https://techstory.in/minneapolis-poised-to-ban-facial-recognition-for-police-use/", item(S004).article().url());
    assertEquals("https://www.biometricupdate.com/202001/met-police-deploy-nec-biometric-facial-recognition-tech-across-london", item(S002).article().url());
    assertEquals(List.of(), item(S002).article().alternateUrls());
  }

  @Test
  void relatedEntriesGetTheirOwnCanonicalUrlAndAlternates() {
    Story theVerge = item(S002).related().get(0);
    assertEquals("https://www.theverge.com/2020/1/30/21115119/moscow-live-facial-recognition-roll-out-ntechlab-deployment", theVerge.url());
    assertEquals(2, theVerge.alternateUrls().size());
    assertTrue(theVerge.alternateUrls().get(0).contains("/platform/amp/"));
    assertTrue(theVerge.alternateUrls().get(1).contains(".cdn.ampproject.org/"));

    // In 002, 17 of the 35 related entries carry the ampWebUrl + cdnAmpWebUrl pair; the rest only webUrl.
    List<Story> related = item(S002).related();
    assertEquals(17, related.stream().filter(s -> s.alternateUrls().size() == 2).count());
    assertEquals(18, related.stream().filter(s -> s.alternateUrls().isEmpty()).count());
    assertTrue(related.stream().allMatch(s -> s.url().startsWith("https://") && !s.url().contains("ampproject")));

    // 000's related entry has a sourceUrl only.
    assertEquals("https://www.msn.com/en-in/news/other/jnu-showdown-delhi-police-to-use-video-footage-face-recognition-for-probe-source-cnn-news18/ar-BBYGzYl",
        item(S000).related().get(0).url());
  }

  @Test
  void heatMinusOneStaysUnknown() {
    assertEquals(69, item(S000).heat());
    assertEquals(Story.UNKNOWN, item(S001).heat());
    assertEquals(Story.UNKNOWN, item(S002).heat());
    assertEquals(69, item(S003).heat());
    assertEquals(Story.UNKNOWN, item(S004).heat());
    assertEquals(-1, Story.UNKNOWN);
  }

  @Test
  void qualityIsReadForArticlesAndRelatedEntries() {
    assertEquals(59, item(S000).article().quality());
    assertEquals(11, item(S000).related().get(0).quality());
    assertEquals(List.of(47, 45), item(S001).related().stream().map(Story::quality).toList());
    assertEquals(39, item(S004).article().quality());
    assertEquals(51, item(S004).related().get(0).quality());
  }

  @Test
  void publishedAtIsTheExactInstant() {
    assertEquals(Optional.of(Instant.parse("2020-01-07T07:29:00Z")), item(S000).article().publishedAt());
    assertEquals(Optional.of(Instant.parse("2020-01-07T06:55:41Z")), item(S000).related().get(0).publishedAt());
    assertEquals(Optional.of(Instant.ofEpochSecond(1_612_272_480L)), item(S001).article().publishedAt()); // 2021-02-02T13:28:00Z
    assertEquals(Optional.of(Instant.parse("2021-02-19T13:54:00Z")), item(S004).related().get(0).publishedAt());
    assertTrue(item(S002).related().stream().allMatch(s -> s.publishedAt().isPresent()));
  }

  @Test
  void unpublishedItemsAreStillReturned() {
    assertTrue(item(S000).published());
    for (String file : List.of(S001, S002, S003, S004)) {
      assertFalse(item(file).published(), file);
    }
    assertEquals(4, results.values().stream().filter(r -> !r.item().orElseThrow().published()).count());
  }

  @Test
  void mojibakeInSeed004IsRepaired() {
    String excerpt = item(S004).related().get(0).excerpt();
    assertEquals("Commissioner S N Shrivastava said 231 accused were arrested on the basis of CCTV footage, "
        + "137 identified through Facial Recognition System & 94 through driving license photographs.", excerpt);
    assertFalse(excerpt.contains("Â"));
    assertFalse(excerpt.contains("\u00A0"));
  }

  @Test
  void genuineTypographyInSeed002IsKept() {
    List<String> titles = item(S002).related().stream().map(Story::title).toList();
    assertTrue(titles.contains("‘Orwellian state surveillance’: Met police presents facial recognition cameras on London streets & faces backlash online"), titles::toString);
    assertTrue(titles.contains("Chicago police: Facial recognition adds “jet fuel” for criminal investigations"));
    assertTrue(titles.contains("New Jersey Bars Police From Using Clearview Facial Recognition App"));
  }

  @Test
  void topicsProviderCategoryAndTypeAreRead() {
    assertEquals(List.of("AI", "Computer Vision"), item(S000).topics());
    assertEquals(List.of("Computer Vision", "AI", "Natural Language Processing"), item(S001).topics());
    assertEquals(new Provider("India Today", "indiatoday.in"), item(S000).article().provider());
    assertEquals(new Provider("News18 on MSN.com", "msn.com"), item(S000).related().get(0).provider());
    assertEquals(new Provider("tech", "techstory.in"), item(S004).article().provider());
    assertEquals(new Provider("The Verge", "theverge.com"), item(S002).related().get(0).provider());
    results.values().forEach(r -> {
      assertEquals("news", r.item().orElseThrow().category());
      assertEquals("article", r.item().orElseThrow().type());
      assertEquals("", r.item().orElseThrow().body());
    });
  }

  @Test
  void imagesAreRead() {
    assertEquals(List.of(new Image("https://www.bing.com/th?id=ON.8516312C3A59CC761E611D8A49D09CA8", 647, 363,
        "JNU: Delhi cops use face recognition to track down masked goons", false)), item(S000).article().images());
    assertEquals(List.of(new Image("https://www.bing.com/th?id=ON.0FCF40B43E546DA1BAAA41E8D7F89986", 700, 367, "", false)),
        item(S000).related().get(0).images());
    assertEquals(List.of(new Image("https://techstory.in/wp-content/uploads/2021/02/4645.jpg", 1200, 1200, "", true)),
        item(S004).article().images());
    // 32 of 002's 35 related entries have one image each.
    assertEquals(32, item(S002).related().stream().filter(s -> s.images().size() == 1).count());
    assertEquals(3, item(S002).related().stream().filter(s -> s.images().isEmpty()).count());
  }

  @Test
  void titlesAndExcerptsAreReadForEveryStory() {
    assertEquals("JNU: Delhi cops use face recognition to track down masked goons", item(S000).article().title());
    assertEquals("Minneapolis poised to ban facial recognition for police use", item(S004).article().title());
    for (ParseResult r : results.values()) {
      NewsItem item = r.item().orElseThrow();
      for (Story s : Stream.concat(Stream.of(item.article()), item.related().stream()).toList()) {
        assertFalse(s.title().isBlank(), item.source());
        assertFalse(s.excerpt().isBlank(), item.source());
        assertFalse(s.url().isBlank(), item.source());
      }
    }
  }
}
