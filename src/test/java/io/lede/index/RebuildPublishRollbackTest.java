package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generations: publish, list, roll back, keep only the newest few. */
class RebuildPublishRollbackTest {

  @TempDir Path seeds;
  @TempDir Path homeDir;

  private final Rebuilder rebuilder = new Rebuilder(new IndexBuilder(2, 16));

  @Test
  void publishThenRollbackServesThePreviousGeneration() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    NewsFiles.corpus(seeds, 10);
    Rebuilder.Result first = rebuilder.rebuild(seeds, home);
    assertTrue(first.published());
    assertEquals(Optional.of(first.generation()), home.liveGeneration());
    assertTrue(home.isReady(first.generation()));

    // The second build has a story the first lacks.
    Files.writeString(seeds.resolve("zz.txt"), NewsFiles.item("Quokka census results", "https://paper.example/quokka"));
    Rebuilder.Result second = rebuilder.rebuild(seeds, home);
    assertTrue(second.published());
    assertEquals(Optional.of(first.generation()), second.previous());

    try (Lede lede = Lede.open(homeDir)) {
      assertEquals(second.generation(), lede.generation());
      assertEquals(1, lede.search(SearchRequest.of("quokka")).total());

      Rollback.Result back = Rollback.run(home, Optional.empty());
      assertEquals(second.generation(), back.from());
      assertEquals(first.generation(), back.to());
      assertEquals(Optional.of(first.generation()), home.liveGeneration());

      lede.refresh();
      assertEquals(first.generation(), lede.generation());
      assertEquals(0, lede.search(SearchRequest.of("quokka")).total(), "the rolled-back generation lacks it");
      assertEquals(1, lede.search(SearchRequest.of("story3")).total());
    }
    // The newer generation stays on disk, ready, and the listing shows who is live.
    List<GenerationInfo> listed = GenerationInfo.list(home);
    assertEquals(List.of(first.generation(), second.generation()), listed.stream().map(GenerationInfo::name).toList());
    assertEquals(GenerationInfo.LIVE, listed.get(0).state());
    assertEquals(GenerationInfo.READY, listed.get(1).state());
    assertEquals(11, listed.get(0).documents());
    assertEquals(12, listed.get(1).documents());
    assertEquals(10, listed.get(0).stats().orElseThrow().files());

    // Nothing older than the live one: a second rollback refuses.
    assertThrows(java.io.IOException.class, () -> Rollback.run(home, Optional.empty()));
    // Rolling forward explicitly works.
    assertEquals(second.generation(), Rollback.run(home, Optional.of(second.generation())).to());
  }

  @Test
  void retentionKeepsTheNewestGenerationsAndTheLiveOne() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    NewsFiles.corpus(seeds, 3);
    Rebuilder.Options keep2 = new Rebuilder.Options(ValidationPolicy.DEFAULTS, 2, false);
    List<String> built = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) built.add(rebuilder.rebuild(seeds, home, keep2, RebuildListener.NONE).generation());
    assertEquals(built.subList(2, 4), home.generations());
    assertEquals(Optional.of(built.get(3)), home.liveGeneration());
    assertEquals(Optional.of(built.get(2)), home.previousGeneration());
    assertThrows(IllegalArgumentException.class, () -> new Retention(1));
  }

  @Test
  void aFailedBuildLeavesNoGenerationBehindAndTheLiveOneServing() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    NewsFiles.corpus(seeds, 3);
    String live = rebuilder.rebuild(seeds, home).generation();
    assertThrows(java.io.IOException.class, () -> rebuilder.rebuild(seeds.resolve("missing"), home));
    assertEquals(List.of(live), home.generations());
    assertEquals(Optional.of(live), home.liveGeneration());
    assertFalse(Files.exists(homeDir.resolve(WriteLock.OWNER_FILE)), "the lock was released");
  }
}
