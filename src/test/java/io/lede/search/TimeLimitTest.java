package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search past its time limit stops collecting and answers with what it found, marked partial and never kept. */
class TimeLimitTest {

  @TempDir Path dir;

  @Test
  void aSearchPastItsLimitIsPartialAndNotCached() throws Exception {
    Fixtures.Item[] items = new Fixtures.Item[300];
    for (int i = 0; i < items.length; i++) items[i] = item("Harbour report " + i).excerpt("Ships in the harbour, day " + i + ".")
        .topics(i % 2 == 0 ? "Ports" : "Trade");
    try (Lede lede = Fixtures.open(dir, items)) {
      // A limit that has passed before the first segment is collected.
      SearchRequest hurried = SearchRequest.builder().query("harbour").timeLimit(Duration.ofNanos(1)).build();
      for (boolean facets : new boolean[] {true, false}) {
        SearchResponse cut = lede.search(hurried.toBuilder().facets(facets).build());
        assertTrue(cut.partial(), "facets=" + facets);
        assertTrue(cut.total() < items.length, "not every match was counted: " + cut.total());
        long counted = cut.facets().getOrDefault("topic", List.of()).stream().mapToLong(FacetCount::count).sum();
        assertTrue(counted < items.length, "the facets stopped counting too: " + counted);
      }
      // With a facet selected, facets are counted sideways (Lucene's drill-sideways scorer): cut there too.
      SearchResponse sideways = lede.search(hurried.toBuilder().topic("Ports").build());
      assertTrue(sideways.partial());
      lede.search(hurried);
      assertEquals(0, lede.resultCache().hits(), "a partial answer is never kept");
      assertEquals(items.length / 2, lede.search(SearchRequest.builder().query("harbour").topic("Ports").build()).total());

      SearchResponse unhurried = lede.search(SearchRequest.builder().query("harbour").timeLimit(Duration.ofMinutes(1)).build());
      assertFalse(unhurried.partial());
      assertEquals(items.length, unhurried.total());
      SearchResponse unlimited = lede.search(SearchRequest.of("harbour"));
      assertFalse(unlimited.partial());
      assertEquals(unhurried.hits(), unlimited.hits());
    }
  }

  @Test
  void theLimitMustBePositive() {
    assertThrows(InvalidRequestException.class, () -> SearchRequest.builder().timeLimit(Duration.ZERO).build());
    assertThrows(InvalidRequestException.class, () -> SearchRequest.builder().timeLimit(Duration.ofMillis(-5)).build());
  }
}
