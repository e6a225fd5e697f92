package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The business signals multiply a bounded factor onto the text score. */
class RankingTest {

  private static final String TITLE = "Zeppelin lands in Paris";
  private static final String EXCERPT = "An airship landed near the Eiffel tower on Monday.";

  /** Stories that say nothing about zeppelins, so word statistics look like a real index's. */
  private static List<Fixtures.Item> filler() {
    List<Fixtures.Item> out = new ArrayList<>();
    String[] words = {"markets", "election", "football", "weather", "science", "music", "travel", "health"};
    for (int i = 0; i < words.length; i++) {
      out.add(item("News about " + words[i] + " today").excerpt("A story about " + words[i] + " and more.")
          .provider("Filler " + i).date("2020-01-0" + (i + 1) + "T00:00:00Z"));
    }
    return out;
  }

  private static Lede open(Path dir, Fixtures.Item... items) throws Exception {
    List<Fixtures.Item> all = new ArrayList<>(List.of(items));
    all.addAll(filler());
    return Fixtures.open(dir, all.toArray(Fixtures.Item[]::new));
  }

  /** Same text, same date; different providers so the provider cap and collapsing stay out of the way. */
  private static Fixtures.Item same(String provider, int quality, int heat) {
    return item(TITLE).excerpt(EXCERPT).provider(provider).quality(quality).heat(heat).date("2020-06-01T12:00:00Z");
  }

  private static SearchResponse search(Lede lede, String q) {
    return lede.search(SearchRequest.builder().query(q).collapse(false).explain(true).size(50).build());
  }

  private static List<String> providers(SearchResponse r) {
    return r.hits().stream().map(h -> h.provider().name()).toList();
  }

  @Test
  void equalTextIsOrderedByQualityThenHeat(@TempDir Path dir) throws Exception {
    try (Lede lede = open(dir, same("D", 20, -1), same("C", 80, 20), same("A", 150, -1), same("B", 80, 90))) {
      SearchResponse r = search(lede, "zeppelin");
      assertEquals(List.of("A", "B", "C", "D"), providers(r));
      // The text part of the scores is identical, so the order comes from the signals alone.
      double text = r.hits().get(0).explain().orElseThrow().text();
      for (Hit h : r.hits()) assertEquals(text, h.explain().orElseThrow().text(), 1e-6);
    }
  }

  @Test
  void unknownHeatIsNeutralNotCold(@TempDir Path dir) throws Exception {
    int pivot = RankingProfile.DEFAULT.heatPivot();
    try (Lede lede = open(dir, same("Cold", 50, 0), same("Unknown", 50, -1), same("Typical", 50, pivot))) {
      SearchResponse r = search(lede, "zeppelin");
      Map<String, Hit> byProvider = r.hits().stream().collect(Collectors.toMap(h -> h.provider().name(), Function.identity()));
      Hit unknown = byProvider.get("Unknown");
      assertEquals(1.0, unknown.explain().orElseThrow().heat(), 0.0);
      assertEquals(byProvider.get("Typical").score(), unknown.score(), 1e-6);
      assertTrue(unknown.score() > byProvider.get("Cold").score(), "unknown heat ranks above known-cold");
      assertEquals("Cold", r.hits().get(r.hits().size() - 1).provider().name());
    }
  }

  @Test
  void newerRanksAboveOlderEqual(@TempDir Path dir) throws Exception {
    try (Lede lede = open(dir,
        same("Old", 50, -1).date("2020-03-01T12:00:00Z"),
        same("New", 50, -1).date("2020-06-01T12:00:00Z"),
        same("Middle", 50, -1).date("2020-05-20T12:00:00Z"),
        same("Undated", 50, -1).date(null))) {
      SearchResponse r = search(lede, "zeppelin");
      assertEquals(List.of("New", "Middle", "Old", "Undated"), providers(r));
      assertEquals(1.0, r.hits().get(0).explain().orElseThrow().recency(), 1e-9, "the newest story sets the origin");
    }
  }

  @Test
  void strongTitleMatchWithLowSignalsBeatsWeakExcerptMatchWithTopSignals(@TempDir Path dir) throws Exception {
    String longExcerpt = "The weekly aviation roundup covers airline schedules, airport expansions, pilot training, "
        + "fuel prices, air traffic control staffing, cargo volumes, a vintage zeppelin exhibition, drone rules, "
        + "runway repairs, ticket prices and a new lounge opening at the regional terminal this week.";
    try (Lede lede = open(dir,
        item("Zeppelin crash investigation begins").excerpt("Investigators examine the wreck.").provider("Weak Signals")
            .quality(0).heat(0).date("2018-01-01T00:00:00Z"),
        item("Weekly aviation roundup").excerpt(longExcerpt).provider("Top Signals")
            .quality(200).heat(200).date("2020-06-01T12:00:00Z"))) {
      SearchResponse r = search(lede, "zeppelin");
      assertEquals(List.of("Weak Signals", "Top Signals"), providers(r));
      ScoreExplanation low = r.hits().get(0).explain().orElseThrow();
      ScoreExplanation high = r.hits().get(1).explain().orElseThrow();
      RankingProfile p = RankingProfile.DEFAULT;
      // Both sit at the ends of every factor's range...
      assertEquals(1 - p.qualityWeight(), low.quality(), 1e-9);
      assertEquals(1 - p.heatWeight(), low.heat(), 1e-9);
      assertEquals(p.recencyFloor(), low.recency(), 1e-3);
      assertEquals(1.0, high.recency(), 1e-9);
      // ... and the factors together stay within their bound.
      double ratio = (high.quality() * high.heat() * high.recency()) / (low.quality() * low.heat() * low.recency());
      double bound = (1 + p.qualityWeight()) * (1 + p.heatWeight()) / ((1 - p.qualityWeight()) * (1 - p.heatWeight()) * p.recencyFloor());
      assertTrue(ratio < bound, ratio + " < " + bound);
    }
  }

  @Test
  void explainedFactorsMultiplyToTheScore(@TempDir Path dir) throws Exception {
    try (Lede lede = Fixtures.openSeeds(dir)) {
      assertExplained(lede, "police facial recognition", 10);
      // A phrase checks its positions per document: the text score of its hits must not come out as 0.
      assertExplained(lede, "\"facial recognition\"", 3);
    }
  }

  private static void assertExplained(Lede lede, String query, int atLeast) {
    SearchResponse r = lede.search(SearchRequest.builder().query(query).explain(true).size(20).build());
    assertTrue(r.hits().size() >= atLeast, query + ": " + r.hits().size() + " hits");
    SearchResponse textOnly = lede.search(SearchRequest.builder().query(query)
        .profile(RankingProfile.TEXT_ONLY).collapse(false).size(100).build());
    Map<String, Double> textScores = textOnly.hits().stream().collect(Collectors.toMap(Hit::id, Hit::score));
    for (Hit h : r.hits()) {
      ScoreExplanation e = h.explain().orElseThrow();
      double product = e.text() * e.quality() * e.heat() * e.recency();
      assertEquals(h.score(), product, h.score() * 1e-6, "product of factors for " + h.id());
      assertEquals(h.score(), e.score(), 0.0);
      // The text part is the score the same search gives with every business factor off.
      assertEquals(textScores.get(h.id()), e.text(), e.text() * 1e-6, "text score of " + h.id());
      assertTrue(e.text() > 0 && e.quality() > 0 && e.heat() > 0 && e.recency() > 0);
    }
  }

  @Test
  void profileOverridesPerRequest(@TempDir Path dir) throws Exception {
    try (Lede lede = open(dir, same("Low", 5, -1), same("High", 180, -1))) {
      assertEquals(List.of("High", "Low"), providers(search(lede, "zeppelin")));
      RankingProfile noQuality = RankingProfile.builder().qualityWeight(0).build();
      SearchResponse flat = lede.search(SearchRequest.builder().query("zeppelin").profile(noQuality).collapse(false)
          .explain(true).build());
      assertEquals(flat.hits().get(0).score(), flat.hits().get(1).score(), 1e-9);
      assertEquals(1.0, flat.hits().get(0).explain().orElseThrow().quality(), 0.0);
    }
  }

  @Test
  void profileRejectsOutOfRangeKnobs() {
    InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
        () -> RankingProfile.builder().qualityWeight(2).build());
    assertEquals("profile.qualityWeight", e.parameter());
  }

  @Test
  void sortOrdersOverrideRelevance(@TempDir Path dir) throws Exception {
    try (Lede lede = open(dir,
        same("Q", 190, 10).date("2019-01-01T00:00:00Z"),
        same("H", 10, 190).date("2019-06-01T00:00:00Z"),
        same("N", 50, -1).date("2020-06-01T00:00:00Z"))) {
      for (var c : List.of(Map.entry(SortOrder.QUALITY, "Q"), Map.entry(SortOrder.HEAT, "H"), Map.entry(SortOrder.NEWEST, "N"))) {
        SearchResponse r = lede.search(SearchRequest.builder().query("zeppelin").sort(c.getKey()).build());
        assertEquals(c.getValue(), r.hits().get(0).provider().name(), c.getKey().label());
      }
    }
  }
}
