package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.search.FacetCount;
import io.lede.search.Hit;
import io.lede.search.LedeStats;
import io.lede.search.SearchRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing the five sample items gives one document per distinct story. The expected numbers were
 * counted from the files by hand (and cross-checked with a YAML reader): 5 articles with 1 + 2 + 35 +
 * 1 + 1 related entries, no URL seen twice, 40 distinct provider names.
 */
class IndexBuilderSeedsTest {

  @TempDir static Path home;
  static Rebuilder.Result result;
  static Lede lede;

  @BeforeAll
  static void build() throws Exception {
    result = new Rebuilder(new IndexBuilder()).rebuild(Path.of("seeds"), new IndexHome(home), IndexBuilder.Listener.NONE);
    lede = Lede.open(home);
  }

  @AfterAll
  static void close() throws Exception {
    lede.close();
  }

  @Test
  void everyStoryIsOneDocument() {
    BuildReport r = result.report();
    assertEquals(5, r.filesRead());
    assertEquals(45, r.items());
    assertEquals(45, r.documents());
    assertEquals(5, r.articles());
    assertEquals(40, r.related());
    assertEquals(0, r.duplicatesMerged());
    assertTrue(r.problems().isEmpty(), () -> "seeds are clean, got " + r.problems());
  }

  @Test
  void statsReadBackTheSameCounts() {
    LedeStats s = lede.stats();
    assertEquals(result.generation(), s.generation());
    assertEquals(45, s.documents());
    assertEquals(5, s.articles());
    assertEquals(40, s.related());
    assertEquals(0, s.duplicatesMerged());
  }

  @Test
  void facetCountsAreExact() {
    Map<String, List<FacetCount>> f = lede.stats().facets();
    assertEquals(Map.of("AI", 45L, "Computer Vision", 45L, "Natural Language Processing", 3L), counts(f.get("topic")));
    Map<String, Long> providers = counts(f.get("provider"));
    assertEquals(40, providers.size());
    for (String twice : List.of("CTV News", "Biometric Companies", "Forbes", "New York Times", "Reuters")) {
      assertEquals(2L, providers.get(twice), twice);
    }
    assertEquals(35, providers.values().stream().filter(c -> c == 1L).count());
    assertEquals(Map.of("article", 5L, "related", 40L), counts(f.get("kind")));
    assertEquals(Map.of("news", 45L), counts(f.get("category")));
    // Related entries inherit the flag of the article they were found under; only seed 000 is published.
    assertEquals(Map.of("true", 2L, "false", 43L), counts(f.get("published")));
  }

  @Test
  void clearviewFindsTheNewJerseyStory() {
    List<Hit> hits = lede.search(SearchRequest.of("Clearview")).hits();
    assertTrue(hits.size() >= 1);
    Hit top = hits.get(0);
    assertEquals("New Jersey Bars Police From Using Clearview Facial Recognition App", top.title());
    assertEquals("related", top.kind());
    assertEquals("New York Times", top.provider().name());
    assertEquals(1, top.parents().size());
    assertEquals("Met Police deploy NEC biometric facial recognition tech across London", top.parents().get(0).title());
  }

  @Test
  void unpublishedItemsAreStillFound() {
    List<Hit> hits = lede.search(SearchRequest.of("Minneapolis")).hits();
    assertTrue(hits.stream().anyMatch(h -> h.kind().equals("article") && !h.published()
        && h.title().equals("Minneapolis poised to ban facial recognition for police use")));
  }

  @Test
  void relatedEntriesCarryTheirArticlesTopicsAndCategory() {
    String ctv = "https://bc.ctvnews.ca/5-b-c-police-officers-used-illegal-facial-recognition-tech-slammed-by-privacy-commissioners-1.5294049";
    Hit related = lede.item(StoryKey.idForUrl(ctv)).orElseThrow().hit();
    assertEquals("related", related.kind());
    assertEquals(List.of("Computer Vision", "AI", "Natural Language Processing"), related.topics());
    assertEquals("news", related.category());
    assertEquals(-1, related.heat(), "related entries have no heat of their own");
  }

  private static Map<String, Long> counts(List<FacetCount> values) {
    return values.stream().collect(Collectors.toMap(FacetCount::value, FacetCount::count));
  }
}
