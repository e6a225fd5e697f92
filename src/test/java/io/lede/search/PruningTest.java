package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skipping what cannot make the page (Lucene's dynamic pruning through {@link SignalBoostQuery}'s bounds)
 * never changes the page: hits-only searches, which prune once more than a thousand documents match,
 * answer exactly what searches counting facets over every match (which score every match) answer; and
 * Lucene's bulk scorers under the boost answer what the boosted scorer answers document by document.
 */
class PruningTest {

  private static final String[] WORDS = {"harbour", "strike", "vote", "crane", "election", "port", "union", "wage"};

  @Test
  void prunedPagesEqualExhaustivePages(@TempDir Path dir) throws Exception {
    Random random = new Random(42);
    Fixtures.Item[] items = new Fixtures.Item[3000];
    for (int i = 0; i < items.length; i++) {
      StringBuilder title = new StringBuilder("Story " + i);
      for (int w = 0; w < 4; w++) title.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      // Older and weaker stories first, in runs: ranges of documents with low signals, as real corpora have.
      int year = 2000 + i * 20 / items.length;
      int quality = (i / 100) % 2 == 0 ? random.nextInt(30) : 50 + random.nextInt(51);
      items[i] = item(title.toString()).excerpt("About the " + WORDS[random.nextInt(WORDS.length)] + ".")
          .quality(quality).heat(random.nextInt(10) == 0 ? -1 : random.nextInt(101))
          .date(String.format("%d-%02d-%02dT10:00:00Z", year, 1 + random.nextInt(12), 1 + random.nextInt(28)))
          .url("https://paper.example/" + i).topics(i % 3 == 0 ? "Ports" : "Labour");
    }
    try (Lede lede = Fixtures.open(dir, items)) {
      for (String q : List.of("harbour", "strike vote", "harbour OR crane", "union OR wage OR port", "story")) {
        for (int page = 1; page <= 3; page++) {
          SearchRequest pruned = SearchRequest.builder().query(q).facets(false).highlight(false).collapse(false)
              .size(20).page(page).build();
          SearchResponse fast = lede.search(pruned);
          SearchResponse full = lede.search(pruned.toBuilder().facets(true).build());
          assertTrue(fast.total() > 1000 || !q.equals("story"), "enough matches to prune: " + fast.total());
          assertEquals(full.total(), fast.total(), q);
          assertEquals(ids(full), ids(fast), q + " page " + page);
          assertEquals(scores(full), scores(fast), q + " page " + page);
          // Every story has one of the two topics: selecting both changes no match, but the boosted query is
          // then a clause (scored document by document) instead of the whole query (Lucene's bulk scorers
          // under the boost).
          SearchResponse clause = lede.search(pruned.toBuilder().topic("Ports", "Labour").build());
          assertEquals(fast.total(), clause.total(), q + " in either topic");
          assertEquals(ids(fast), ids(clause), q + " in either topic, page " + page);
          assertEquals(scores(fast), scores(clause), q + " in either topic, page " + page);
        }
      }
    }
  }

  private static List<String> ids(SearchResponse r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  private static List<Float> scores(SearchResponse r) {
    return r.hits().stream().map(h -> (float) h.score()).toList();
  }
}
