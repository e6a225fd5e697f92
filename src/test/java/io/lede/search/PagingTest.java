package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbered pages and cursors; collapsing and the provider cap never lose or repeat a hit. */
class PagingTest {

  private static final String[] PLACES = {"Rotterdam", "Hamburg", "Antwerp", "Felixstowe", "Valencia", "Piraeus",
      "Genoa", "Gdansk", "Marseille", "Bremen", "Lisbon", "Dublin", "Oslo", "Tallinn", "Riga", "Naples", "Bilbao",
      "Trieste", "Malmo", "Aarhus", "Cork", "Dover", "Calais", "Le Havre", "Zeebrugge", "Algeciras", "Sines", "Koper",
      "Constanta", "Varna"};
  private static final String[] EVENTS = {"crane collapses", "strike ends", "record cargo", "new terminal opens",
      "fog halts ships", "fire in warehouse"};

  @TempDir static Path dir;
  static Lede lede;
  static int stories;

  @BeforeAll
  static void index() throws Exception {
    List<Fixtures.Item> items = new ArrayList<>();
    for (int i = 0; i < PLACES.length; i++) {
      // Half of everything from one provider, so the cap has work to do.
      String provider = i % 2 == 0 ? "Alpha" : "Provider " + i;
      String title = "Harbour " + EVENTS[i % EVENTS.length] + " in " + PLACES[i];
      Fixtures.Item article = item(title).excerpt("Port authorities in " + PLACES[i] + " reported on Tuesday.")
          .provider(provider).quality(10 + (i * 37) % 180).heat(i % 3 == 0 ? -1 : (i * 13) % 150)
          .date(String.format("2020-%02d-%02dT%02d:00:00Z", 1 + i % 12, 1 + i % 27, i % 24));
      if (i % 5 == 0) {
        // The same story from another provider, an hour later, with a slightly different title.
        article.related(item(title + " port").excerpt("Officials in " + PLACES[i] + " said so.").provider("Copy " + i)
            .quality(40).date(String.format("2020-%02d-%02dT%02d:30:00Z", 1 + i % 12, 1 + i % 27, i % 24)));
      }
      items.add(article);
    }
    stories = PLACES.length + PLACES.length / 5;
    lede = Fixtures.open(dir, items.toArray(Fixtures.Item[]::new));
  }

  @AfterAll
  static void close() throws Exception {
    lede.close();
  }

  private static SearchRequest.Builder harbour(int size) {
    return SearchRequest.builder().query("harbour").size(size);
  }

  /** Follows cursors to the end; returns every id shown (stories and their copies), failing on repeats. */
  private static List<String> followCursor(SearchRequest.Builder request, SortOrder sort) {
    List<String> shown = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    SearchResponse page = lede.search(request.sort(sort).build());
    int pages = 0;
    while (true) {
      assertTrue(++pages <= stories + 1, "cursor paging ends");
      for (Hit h : page.hits()) {
        assertTrue(seen.add(h.id()), "shown twice: " + h.title());
        shown.add(h.id());
        for (AlsoFrom a : h.alsoFrom()) {
          assertTrue(seen.add(a.id()), "copy shown twice: " + a.title());
          shown.add(a.id());
        }
      }
      if (page.nextCursor().isEmpty()) break;
      page = lede.search(request.sort(sort).cursor(page.nextCursor().get()).build());
    }
    return shown;
  }

  private static Set<String> allIds() {
    Set<String> ids = new HashSet<>();
    lede.search(harbour(100).collapse(false).build()).hits().forEach(h -> ids.add(h.id()));
    return ids;
  }

  @ParameterizedTest
  @CsvSource({"3,true,RELEVANCE", "3,false,RELEVANCE", "4,true,NEWEST", "3,false,OLDEST", "4,true,OLDEST", "7,false,QUALITY", "5,true,HEAT",
      "1,true,RELEVANCE", "10,true,RELEVANCE"})
  void cursorPagingShowsEveryHitExactlyOnce(int size, boolean collapse, SortOrder sort) {
    assertEquals(stories, allIds().size());
    List<String> shown = followCursor(harbour(size).collapse(collapse), sort);
    assertEquals(allIds(), new HashSet<>(shown));
    assertEquals(stories, shown.size());
  }

  @ParameterizedTest
  @CsvSource({"4,true", "3,false", "6,true"})
  void cursorPagesMatchNumberedPages(int size, boolean collapse) {
    SearchResponse page = lede.search(harbour(size).collapse(collapse).build());
    int p = 1;
    while (true) {
      SearchResponse numbered = lede.search(harbour(size).collapse(collapse).page(p).build());
      assertEquals(ids(numbered), ids(page), "page " + p);
      if (page.nextCursor().isEmpty()) break;
      page = lede.search(harbour(size).collapse(collapse).cursor(page.nextCursor().get()).build());
      p++;
    }
    assertTrue(lede.search(harbour(size).collapse(collapse).page(p + 1).build()).hits().isEmpty(), "no page after the last");
  }

  private static List<String> ids(SearchResponse r) {
    List<String> out = new ArrayList<>();
    for (Hit h : r.hits()) {
      out.add(h.id());
      h.alsoFrom().forEach(a -> out.add(a.id()));
    }
    return out;
  }

  @Test
  void numberedPagesWithoutCollapsingFollowTheRanking() {
    List<String> all = lede.search(harbour(100).collapse(false).profile(noCap()).build()).hits().stream().map(Hit::id).toList();
    List<String> paged = new ArrayList<>();
    for (int p = 1; p <= 5; p++) {
      lede.search(harbour(8).page(p).collapse(false).profile(noCap()).build()).hits().forEach(h -> paged.add(h.id()));
    }
    assertEquals(all, paged);
  }

  private static RankingProfile noCap() {
    return RankingProfile.builder().maxPerProvider(0).build();
  }

  @Test
  void providerCapPushesDownWithoutDropping() {
    SearchResponse capped = lede.search(harbour(10).collapse(false).build());
    Map<String, Integer> perProvider = new HashMap<>();
    capped.hits().forEach(h -> perProvider.merge(h.provider().name(), 1, Integer::sum));
    assertTrue(perProvider.get("Alpha") <= 3, perProvider.toString());
    SearchResponse uncapped = lede.search(harbour(10).collapse(false).profile(noCap()).build());
    long uncappedAlpha = uncapped.hits().stream().filter(h -> h.provider().name().equals("Alpha")).count();
    assertTrue(uncappedAlpha > 3, "without the cap this fixture's first page has more than 3 from Alpha");
    // The stories pushed off the first page open the second one.
    List<String> pushed = uncapped.hits().stream().map(Hit::id)
        .filter(id -> capped.hits().stream().noneMatch(h -> h.id().equals(id))).toList();
    List<String> second = lede.search(harbour(10).page(2).collapse(false).build()).hits().stream().map(Hit::id).toList();
    assertEquals(pushed, second.subList(0, pushed.size()));
    RankingProfile five = RankingProfile.builder().maxPerProvider(5).build();
    long alpha = lede.search(harbour(10).collapse(false).profile(five).build()).hits().stream()
        .filter(h -> h.provider().name().equals("Alpha")).count();
    assertEquals(Math.min(5, uncappedAlpha), alpha, "the cap is configurable");
    assertTrue(alpha > 3);
  }

  @Test
  void sizeAndPageAreValidated() {
    InvalidRequestException size = assertThrows(InvalidRequestException.class, () -> harbour(101).build());
    assertEquals("size", size.parameter());
    assertEquals("size", assertThrows(InvalidRequestException.class, () -> harbour(0).build()).parameter());
    assertEquals("page", assertThrows(InvalidRequestException.class, () -> harbour(100).page(101).build()).parameter());
    assertEquals(stories, lede.search(harbour(100).build()).total());
  }

  @Test
  void badCursorsAreRejectedNotFollowed() {
    assertEquals("cursor", assertThrows(InvalidRequestException.class,
        () -> lede.search(harbour(5).cursor("not-a-cursor!").build())).parameter());
    String relevance = lede.search(harbour(5).build()).nextCursor().orElseThrow();
    assertEquals("cursor", assertThrows(InvalidRequestException.class,
        () -> lede.search(harbour(5).sort(SortOrder.NEWEST).cursor(relevance).build())).parameter());
  }

  @Test
  void lastPageHasNoCursor() {
    SearchResponse all = lede.search(harbour(100).build());
    assertTrue(all.nextCursor().isEmpty());
    SearchResponse beyond = lede.search(harbour(10).page(20).build());
    assertTrue(beyond.hits().isEmpty());
    assertEquals(stories, beyond.total());
  }
}
