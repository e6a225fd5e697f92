package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The provider cap when one provider fills the ranking far beyond the first page: a later page reads a
 * longer stretch of the ranking than the first, and must still order the capped places as the first page
 * did — otherwise a story shows on two pages and another on none (a tenth of real-corpus queries did).
 */
class ProviderCapPagingTest {

  private static final String[] WORDS = {"crane", "strike", "cargo", "terminal", "fog", "fire", "dredging", "pilot",
      "tug", "quay", "ferry", "customs", "berth", "container", "tanker", "lock", "canal", "buoy", "jetty", "pier"};
  /** Stories from the dominant provider, all ranked above the others (higher quality). */
  private static final int ALPHA = 60;
  private static final int OTHERS = 6;

  @TempDir static Path dir;
  static Lede lede;

  @BeforeAll
  static void index() throws Exception {
    List<Fixtures.Item> items = new ArrayList<>();
    for (int i = 0; i < ALPHA + OTHERS; i++) {
      boolean alpha = i < ALPHA;
      // Titles share only "harbour", so no two stories are taken for copies of one another.
      String title = "Harbour " + WORDS[i % WORDS.length] + " " + WORDS[(i / WORDS.length + 3 * i + 1) % WORDS.length]
          + " report " + i;
      items.add(item(title).excerpt("Item " + i + " of the port log.").provider(alpha ? "Alpha" : "Beta " + i)
          .quality(alpha ? 150 + i % 20 : 5).heat(-1).date("2020-05-01T00:00:00Z"));
    }
    lede = Fixtures.open(dir, items.toArray(Fixtures.Item[]::new));
  }

  @AfterAll
  static void close() throws Exception {
    lede.close();
  }

  private static SearchRequest.Builder harbour(int size, boolean collapse) {
    return SearchRequest.builder().query("harbour").size(size).collapse(collapse);
  }

  @ParameterizedTest
  @CsvSource({"5,false", "5,true", "3,false", "10,false", "10,true", "20,false", "7,true"})
  void numberedPagesShowEveryStoryOnceAndMatchCursorPages(int size, boolean collapse) {
    Set<String> seen = new HashSet<>();
    List<String> numbered = new ArrayList<>();
    for (int p = 1; ; p++) {
      SearchResponse page = lede.search(harbour(size, collapse).page(p).build());
      if (page.hits().isEmpty()) break;
      for (Hit h : page.hits()) {
        assertTrue(seen.add(h.id()), "page " + p + " shows again " + h.title());
        numbered.add(h.id());
      }
    }
    assertEquals(ALPHA + OTHERS, numbered.size(), "every story on some page");

    List<String> byCursor = new ArrayList<>();
    SearchResponse page = lede.search(harbour(size, collapse).build());
    while (true) {
      page.hits().forEach(h -> byCursor.add(h.id()));
      if (page.nextCursor().isEmpty()) break;
      page = lede.search(harbour(size, collapse).cursor(page.nextCursor().get()).build());
    }
    assertEquals(numbered, byCursor, "cursor pages show what numbered pages show");
  }
}
