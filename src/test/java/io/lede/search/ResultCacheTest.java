package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.Rebuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeated requests are answered from the searcher's result cache, and never with a stale answer. */
class ResultCacheTest {

  @TempDir Path dir;

  @Test
  void aRepeatedRequestGetsTheSameAnswerWithoutASearch() throws Exception {
    try (Lede lede = Fixtures.open(dir, item("Harbour cranes idle").excerpt("Dockers strike in the harbour."),
        item("Harbour reopens").excerpt("Ships return."), item("Election night").excerpt("Votes counted."))) {
      SearchResponse first = lede.search(SearchRequest.of("harbour"));
      SearchResponse again = lede.search(SearchRequest.of("harbour"));
      assertEquals(1, lede.resultCache().misses());
      assertEquals(1, lede.resultCache().hits());
      assertEquals(first.withTookMs(0), again.withTookMs(0), "the same answer, apart from the time it took");
      assertEquals(2, again.total());
      assertEquals(0, again.tookMs(), "a lookup takes no measurable time");
      assertSame(again, lede.search(SearchRequest.of("harbour")), "the kept answer itself, every time");
      assertEquals(2, lede.resultCache().hits());
      assertSame(again, lede.cached(SearchRequest.of("harbour")).orElseThrow(), "known without searching");
      assertEquals(3, lede.resultCache().hits());
      assertTrue(lede.cached(SearchRequest.of("election")).isEmpty(), "never searched, so not known");
      assertEquals(1, lede.resultCache().misses(), "asking what is known searches nothing");

      lede.search(SearchRequest.builder().query("harbour").size(1).build()); // another request: searched
      lede.search(SearchRequest.of("election"));
      assertEquals(3, lede.resultCache().misses());
      assertEquals(3, lede.resultCache().hits());
    }
  }

  @Test
  void theCacheIsBoundedByTheHitsItHolds() throws Exception {
    Fixtures.Item[] items = new Fixtures.Item[30];
    for (int i = 0; i < items.length; i++) items[i] = item("Harbour report " + i);
    Fixtures.open(dir, items).close();
    try (Lede lede = Lede.open(dir.resolve("index"), 1)) { // room for one answer of ten hits
      SearchRequest ten = SearchRequest.builder().query("harbour").size(10).collapse(false).build();
      lede.search(ten);
      lede.search(ten);
      assertEquals(1, lede.resultCache().hits());
      SearchRequest twenty = ten.toBuilder().size(20).build();
      assertEquals(20, lede.search(twenty).hits().size());
      lede.search(twenty);
      assertEquals(1, lede.resultCache().hits(), "twenty hits never fit in the room for ten");
    }
  }

  @Test
  void aNewGenerationIsSearchedAfresh() throws Exception {
    Path seeds = dir.resolve("seeds");
    Files.createDirectories(seeds);
    write(seeds, "a.txt", "Harbour cranes idle", "https://paper.example/a");
    IndexHome home = new IndexHome(dir.resolve("index"));
    Rebuilder rebuilder = new Rebuilder(new IndexBuilder(1, 16));
    rebuilder.rebuild(seeds, home, IndexBuilder.Listener.NONE);
    try (Lede lede = Lede.open(home.root())) {
      assertEquals(1, lede.search(SearchRequest.of("harbour")).total());
      assertEquals(1, lede.search(SearchRequest.of("harbour")).total());
      write(seeds, "b.txt", "Harbour reopens", "https://paper.example/b");
      rebuilder.rebuild(seeds, home, IndexBuilder.Listener.NONE);
      lede.refresh();
      assertEquals(2, lede.search(SearchRequest.of("harbour")).total(), "the new generation's answer, not the kept one");
      assertEquals(2, lede.resultCache().misses());
      assertEquals(1, lede.resultCache().hits());
    }
  }

  @Test
  void sizeZeroSearchesEveryTimeAndFailuresAreNeverKept() throws Exception {
    Fixtures.open(dir, item("Harbour cranes idle")).close();
    Path home = dir.resolve("index");
    try (Lede lede = Lede.open(home, 0)) {
      lede.search(SearchRequest.of("harbour"));
      lede.search(SearchRequest.of("harbour"));
      assertEquals(0, lede.resultCache().hits());
    }
    try (Lede lede = Lede.open(home)) {
      SearchRequest bad = SearchRequest.builder().query("harbour").cursor("not-a-cursor").build();
      assertThrows(InvalidRequestException.class, () -> lede.search(bad));
      assertThrows(InvalidRequestException.class, () -> lede.search(bad), "the failure is not kept as an answer");
      assertEquals(0, lede.resultCache().hits());
    }
    assertThrows(IllegalArgumentException.class, () -> Lede.open(home, -1));
  }

  private static void write(Path seeds, String name, String title, String url) throws Exception {
    Files.writeString(seeds.resolve(name), "---\ntitle: \"" + title + "\"\nsourceUrl: \"" + url + "\"\nprovider:\n  name: Paper\n"
        + "  domain: paper.example\nquality: 50\nheat: 10\npublishedDateTime: \"2024-05-01T10:00:00Z\"\ntopics: [\"Ports\"]\n---\n");
  }
}
