package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lede.Lede;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a reader types, a search answers: thousands of generated queries mixing the seeds' words with the
 * search box's syntax, broken syntax, symbols and other scripts, each answered without an exception and with an
 * answer that holds together.
 */
class GeneratedQueriesTest {

  @TempDir static Path dir;
  static Lede lede;

  /** Words of the seeds, misspellings, stop words and syntax, as pieces a query is put together from. */
  private static final List<String> PIECES = List.of(
      "clearview", "facial", "recognition", "police", "new", "jersey", "ban", "the", "of", "us", "u.s.", "covid19",
      "recogniton", "clearvew", "zzqx", "OR", "AND", "NOT", "-", "\"", "(", ")", "*", ":", "title:", "provider:",
      "topic:", "^2", "~", "~3", "£", "—", "!!!", "é", "Zürich", "東京", "🙂", "''", "\\", "/", "&", "<script>", "%", "+",
      "a".repeat(300), "12345678901234567890", "-trump", "fac*", "\"facial recognition\"", "OR OR", "((", "\"unclosed");

  @BeforeAll
  static void index() throws Exception {
    lede = Fixtures.openSeeds(dir);
  }

  @AfterAll
  static void close() throws Exception {
    lede.close();
  }

  @Test
  void everyGeneratedQueryIsAnswered() {
    Random random = new Random(20261128);
    int withHits = 0;
    for (int i = 0; i < 1500; i++) {
      StringBuilder q = new StringBuilder();
      int n = 1 + random.nextInt(6);
      for (int p = 0; p < n; p++) {
        if (p > 0 && random.nextInt(4) != 0) q.append(' ');
        q.append(PIECES.get(random.nextInt(PIECES.size())));
      }
      String query = q.toString();
      SearchRequest.Builder request = SearchRequest.builder().query(query).size(1 + random.nextInt(10))
          .sort(SortOrder.values()[random.nextInt(SortOrder.values().length)]);
      if (random.nextBoolean()) request.topic("Technology");
      SearchResponse r;
      try {
        r = lede.search(request.build());
      } catch (RuntimeException e) {
        throw new AssertionError("query \"" + query + "\" failed", e);
      }
      assertTrue(r.hits().size() <= r.total(), query);
      assertTrue(r.hits().size() <= r.size(), query);
      if (r.total() > 0 && r.hits().isEmpty()) fail("hits counted but none shown on the first page: \"" + query + "\"");
      if (r.total() > 0) withHits++;
      for (Hit h : r.hits()) {
        assertTrue(!h.highlights().title().contains("<script>"), "markup escaped: " + h.highlights().title());
      }
      assertEquals(query, r.query());
    }
    assertTrue(withHits > 150, "the generated queries find stories often enough to check their answers: " + withHits);
  }
}
