package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facet counts follow the query and filters; a selected dimension still counts its other values. */
class FacetTest {

  @TempDir static Path dir;
  static Lede lede;

  @BeforeAll
  static void index() throws Exception {
    lede = Fixtures.open(dir,
        item("Harbour storm one").provider("Alpha").topics("Weather").date("2019-03-01T00:00:00Z"),
        item("Harbour storm two").provider("Alpha").topics("Weather", "Ports").date("2020-01-05T00:00:00Z"),
        item("Harbour storm three").provider("Alpha").topics("Ports").date("2020-02-07T00:00:00Z").category("opinion"),
        item("Harbour storm four").provider("Beta").topics("Weather").date("2020-02-09T00:00:00Z").quality(10),
        item("Harbour storm five").provider("Beta").topics("Ports").date("2021-05-01T00:00:00Z").published(false),
        item("Harbour storm six").provider("Gamma").topics("Weather").date("2021-06-01T00:00:00Z")
            .related(item("Harbour storm seven, a related story").provider("Delta").date("2021-06-02T00:00:00Z")),
        item("Unrelated market news").provider("Alpha").topics("Markets").date("2020-01-01T00:00:00Z"));
  }

  @AfterAll
  static void close() throws Exception {
    lede.close();
  }

  private static Map<String, Long> counts(SearchResponse r, String dim) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (FacetCount c : r.facets().get(dim)) m.put(c.value(), c.count());
    return m;
  }

  private static SearchRequest.Builder harbour() {
    return SearchRequest.builder().query("harbour storm").size(50);
  }

  @Test
  void countsFollowTheQuery() {
    SearchResponse r = lede.search(harbour().build());
    assertEquals(7, r.total());
    assertEquals(Map.of("Alpha", 3L, "Beta", 2L, "Gamma", 1L, "Delta", 1L), counts(r, "provider"));
    assertEquals(Map.of("Weather", 5L, "Ports", 3L), counts(r, "topic"), "topics of the related entry come from its article");
    assertEquals(Map.of("article", 6L, "related", 1L), counts(r, "kind"));
    assertEquals(List.of("2021", "2020", "2019"), List.copyOf(counts(r, "year").keySet()), "years newest first");
    assertEquals(List.of(3L, 3L, 1L), List.copyOf(counts(r, "year").values()));
    assertTrue(counts(r, "month").isEmpty(), "months only for a selected year");
  }

  @Test
  void aSelectedProviderStillCountsTheOthers() {
    SearchResponse r = lede.search(harbour().provider("Alpha").build());
    assertEquals(3, r.total());
    assertTrue(r.hits().stream().allMatch(h -> h.provider().name().equals("Alpha")));
    assertEquals(Map.of("Alpha", 3L, "Beta", 2L, "Gamma", 1L, "Delta", 1L), counts(r, "provider"));
    // Other dimensions count only the selected provider's stories.
    assertEquals(Map.of("Weather", 2L, "Ports", 2L), counts(r, "topic"));
  }

  @Test
  void twoProvidersMeanEither() {
    SearchResponse r = lede.search(harbour().provider("Alpha", "Beta").build());
    assertEquals(5, r.total());
    assertEquals(Map.of("Alpha", 3L, "Beta", 2L, "Gamma", 1L, "Delta", 1L), counts(r, "provider"));
    assertEquals(Map.of("Weather", 3L, "Ports", 3L), counts(r, "topic"));
  }

  @Test
  void filtersAcrossDimensionsAllApply() {
    SearchResponse r = lede.search(harbour().provider("Alpha", "Beta").topic("Weather").build());
    assertEquals(3, r.total()); // one, two, four
    // Provider counts: Weather stories of every provider; topic counts: Alpha or Beta stories of every topic.
    assertEquals(Map.of("Alpha", 2L, "Beta", 1L, "Gamma", 1L, "Delta", 1L), counts(r, "provider"));
    assertEquals(Map.of("Weather", 3L, "Ports", 3L), counts(r, "topic"));
  }

  @Test
  void threeSelectedDimensionsEachCountTheirNearMisses() {
    // Drill sideways only looks at stories matching at least two of the three: the others count nowhere.
    SearchResponse r = lede.search(harbour().provider("Alpha").topic("Weather").year("2020").build());
    assertEquals(1, r.total()); // two
    assertEquals(Map.of("Alpha", 1L, "Beta", 1L), counts(r, "provider")); // two, four
    assertEquals(Map.of("Weather", 1L, "Ports", 2L), counts(r, "topic")); // two, three
    assertEquals(Map.of("2020", 1L, "2019", 1L), counts(r, "year")); // two, one
    assertEquals(Map.of("article", 1L), counts(r, "kind"));
  }

  @Test
  void aSelectedYearListsItsMonthsAndStillCountsOtherYears() {
    SearchResponse r = lede.search(harbour().year("2020").build());
    assertEquals(3, r.total());
    assertEquals(Map.of("2021", 3L, "2020", 3L, "2019", 1L), counts(r, "year"));
    assertEquals(Map.of("2020-01", 1L, "2020-02", 2L), counts(r, "month"));
    assertEquals(List.of("2020-01", "2020-02"), List.copyOf(counts(r, "month").keySet()), "months in calendar order");
  }

  @Test
  void otherFiltersNarrowEverything() {
    assertEquals(1, lede.search(harbour().category("opinion").build()).total());
    assertEquals(1, lede.search(harbour().kind("related").build()).total());
    assertEquals(6, lede.search(harbour().minQuality(11).build()).total());
    assertEquals(6, lede.search(harbour().published(true).build()).total());
    SearchResponse dated = lede.search(harbour().from(LocalDate.parse("2020-01-01")).to(LocalDate.parse("2020-02-07")).build());
    assertEquals(2, dated.total(), "from and to days are inclusive");
    assertEquals(Map.of("Alpha", 2L), counts(dated, "provider"));
  }

  @Test
  void aSelectedValueIsListedEvenWithoutHits() {
    SearchResponse r = lede.search(harbour().provider("Nobody").build());
    assertEquals(0, r.total());
    assertEquals(0L, counts(r, "provider").get("Nobody"));
  }

  @Test
  void facetsCanBeSkipped() {
    assertTrue(lede.search(harbour().facets(false).build()).facets().isEmpty());
  }
}
