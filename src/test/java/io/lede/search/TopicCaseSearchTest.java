package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lede.Lede;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds that write one topic in different cases give one facet value, which filters them all. */
class TopicCaseSearchTest {

  @TempDir static Path dir;
  static Lede lede;

  @BeforeAll
  static void index() throws Exception {
    lede = Fixtures.open(dir,
        item("Senate passes budget").topics("POLITICS"),
        item("Governor resigns").topics("Politics"),
        item("Mayor elected").topics("politics", "POLITICS", "WORLD NEWS"),
        item("Chip maker grows").topics("Sci/Tech", "AI"));
  }

  @AfterAll
  static void close() throws Exception {
    lede.close();
  }

  @Test
  void oneFacetValueForEveryCase() {
    Map<String, Long> topics = lede.search(SearchRequest.builder().build()).facets().get("topic").stream()
        .collect(Collectors.toMap(FacetCount::value, FacetCount::count));
    assertEquals(Map.of("Politics", 3L, "World News", 1L, "Sci/Tech", 1L, "AI", 1L), topics);
    assertEquals(3, lede.search(SearchRequest.builder().topic("Politics").build()).total());
    assertEquals(List.of("Politics", "World News"),
        lede.search(SearchRequest.of("mayor")).hits().get(0).topics(), "one topic per story, in the written order");
  }
}
