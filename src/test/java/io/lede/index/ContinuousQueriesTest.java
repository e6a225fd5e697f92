package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.search.SearchRequest;
import io.lede.search.SearchResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients query without pause while the operator runs three rebuild+publish cycles, one rollback
 * and an incremental run, and a refresher follows the index home as the server does: no request fails.
 */
class ContinuousQueriesTest {

  @TempDir Path seeds;
  @TempDir Path homeDir;

  @Test
  void rebuildsRollbackAndIncrementalRunsCauseNoFailedRequest() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    NewsFiles.corpus(seeds, 40);
    Rebuilder rebuilder = new Rebuilder(new IndexBuilder(1, 16));
    rebuilder.rebuild(seeds, home);

    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong requests = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    Set<String> generationsSeen = ConcurrentHashMap.newKeySet();
    try (Lede lede = Lede.open(homeDir)) {
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        int client = c;
        threads.add(Thread.ofPlatform().name("client-" + c).start(() -> {
          int i = 0;
          while (!stop.get()) {
            String q = (i++ % 2 == 0) ? "common wire story" : "story" + ((client * 7 + i) % 40);
            try {
              SearchResponse r = lede.search(SearchRequest.of(q));
              requests.incrementAndGet();
              generationsSeen.add(lede.generation());
              if (r.total() < 1) failures.add(q + ": no hit in generation " + lede.generation());
            } catch (RuntimeException e) {
              failures.add(q + ": " + e);
            }
          }
        }));
      }
      threads.add(Thread.ofPlatform().name("refresher").start(() -> {
        while (!stop.get()) {
          try {
            lede.refresh();
            Thread.sleep(10);
          } catch (Exception e) {
            failures.add("refresh: " + e);
          }
        }
      }));

      List<String> published = new ArrayList<>();
      for (int cycle = 0; cycle < 3; cycle++) {
        Files.writeString(seeds.resolve("cycle" + cycle + ".txt"),
            NewsFiles.item("Cycle" + cycle + " extra", "https://paper.example/cycle/" + cycle));
        Rebuilder.Result r = rebuilder.rebuild(seeds, home);
        assertTrue(r.published());
        published.add(r.generation());
        awaitGeneration(lede, r.generation());
      }
      Rollback.Result back = Rollback.run(home, Optional.empty());
      assertEquals(published.get(1), back.to());
      awaitGeneration(lede, back.to());
      Files.writeString(seeds.resolve("late.txt"), NewsFiles.item("Late breaking", "https://paper.example/late"));
      new IncrementalIndexer(0.2).apply(seeds, home, RebuildListener.NONE);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (lede.search(SearchRequest.of("late breaking")).total() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
      Thread.sleep(200);

      stop.set(true);
      for (Thread t : threads) t.join();
      assertEquals(List.of(), List.copyOf(failures));
      assertEquals(1, lede.search(SearchRequest.of("late breaking")).total(), "the incremental commit was picked up");
      assertTrue(requests.get() > 100, "clients kept querying: " + requests.get());
      assertTrue(generationsSeen.containsAll(published), "clients were served by every generation: " + generationsSeen);
    }
  }

  private static void awaitGeneration(Lede lede, String generation) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!lede.generation().equals(generation) && System.nanoTime() < deadline) Thread.sleep(5);
    assertEquals(generation, lede.generation());
    Thread.sleep(100); // let the clients run some requests on it
  }
}
