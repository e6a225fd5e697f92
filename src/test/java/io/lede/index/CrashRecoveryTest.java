package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild or an incremental run killed with SIGKILL, at several points, as a real child process:
 * the live index keeps answering, and the next run succeeds and removes what the dead one left.
 */
class CrashRecoveryTest {

  @TempDir Path seeds;
  @TempDir Path homeDir;

  private final Rebuilder rebuilder = new Rebuilder(new IndexBuilder(2, 16));

  @Test
  void aRebuildKilledAtAnyPointLeavesTheLiveIndexServingAndTheNextRebuildSucceeds() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    NewsFiles.corpus(seeds, 30);
    rebuilder.rebuild(seeds, home);

    // Each point is where the child stops until killed: after taking the lock and cleaning up, as
    // indexing starts, with the first file indexed (the writer open, nothing committed), with the
    // index committed but not validated, validated but not marked ready, published but not pruned.
    List<String> points = List.of("prepare", "index.start", "files", "index", "validate", "publish");
    for (String point : points) {
      String liveBefore = home.liveGeneration().orElseThrow();
      try (ChildProcess child = ChildProcess.lede(point, "rebuild", "--seeds", seeds.toString(), "--index", homeDir.toString())) {
        child.awaitLine("paused at " + point);
        child.kill();
      }
      String liveAfter = home.liveGeneration().orElseThrow();
      if (point.equals("publish")) {
        assertTrue(liveAfter.compareTo(liveBefore) > 0, "killed after publishing: the new generation is live");
      } else {
        assertEquals(liveBefore, liveAfter, "killed at " + point + ": the live generation is unchanged");
      }
      assertServing(homeDir, "killed at " + point);
      assertRecovers(home, point);
    }

    // And at moments nobody chose: a while after the child took the lock, whatever it is doing then.
    for (long delayMs : new long[] {50, 300}) {
      try (ChildProcess child = ChildProcess.lede(null, "rebuild", "--seeds", seeds.toString(), "--index", homeDir.toString())) {
        child.awaitLine("rebuild phase=prepare");
        Thread.sleep(delayMs);
        child.kill();
      }
      assertServing(homeDir, "killed after " + delayMs + " ms");
      assertRecovers(home, delayMs + " ms");
    }
  }

  @Test
  void anIncrementalRunKilledBetweenItsCommitsIsRepairedByTheNextRun() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    List<Path> files = NewsFiles.corpus(seeds, 10);
    rebuilder.rebuild(seeds, home);
    Files.writeString(files.get(4), NewsFiles.item("Narwhal summit", "https://paper.example/story/4"));
    Files.delete(files.get(7));
    for (String point : List.of("scan", "manifest")) {
      try (ChildProcess child = ChildProcess.lede(point, "index", "--seeds", seeds.toString(), "--index", homeDir.toString())) {
        child.awaitLine("paused at " + point);
        child.kill();
      }
      try (Lede lede = Lede.open(homeDir)) {
        assertEquals(0, lede.search(SearchRequest.of("narwhal")).total(), "nothing was committed at " + point);
        assertEquals(1, lede.search(SearchRequest.of("story7")).total());
      }
    }
    IncrementalIndexer.Result r = new IncrementalIndexer(0.2).apply(seeds, home, RebuildListener.NONE);
    assertEquals(1, r.changed());
    assertEquals(1, r.deleted());
    try (Lede lede = Lede.open(homeDir)) {
      assertEquals(1, lede.search(SearchRequest.of("narwhal")).total());
      assertEquals(0, lede.search(SearchRequest.of("story7")).total());
      assertEquals(10, lede.stats().documents(), "9 articles and the common story");
    }
  }

  private static void assertServing(Path homeDir, String when) throws Exception {
    try (Lede lede = Lede.open(homeDir)) {
      assertEquals(1, lede.search(SearchRequest.of("story22")).total(), when);
      assertEquals(31, lede.stats().documents(), when);
    }
  }

  private void assertRecovers(IndexHome home, String when) throws Exception {
    Rebuilder.Result next = rebuilder.rebuild(seeds, home);
    assertTrue(next.published(), when);
    for (String removed : next.removedLeftovers()) {
      assertTrue(next.generation().compareTo(removed) > 0, "a new number, not the dead run's " + removed);
    }
    assertTrue(next.staleLock().isPresent(), "the dead run's lock is reported as stale (" + when + ")");
    assertEquals(Optional.of(next.generation()), home.liveGeneration());
    for (String g : home.generations()) assertTrue(home.isReady(g), "no partial generation is left (" + when + "): " + g);
    try (var entries = Files.list(home.generationsDir())) {
      assertEquals(home.generations().size(), entries.filter(p -> !p.getFileName().toString().startsWith(".")).count(),
          "nothing half-deleted is left (" + when + ")");
    }
    assertServing(home.root(), "after recovering from " + when);
  }
}
