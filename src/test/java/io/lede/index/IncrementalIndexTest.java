package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede index}: new, changed and deleted files reach the live generation, and shared stories stay right. */
class IncrementalIndexTest {

  @TempDir Path seeds;
  @TempDir Path homeDir;
  @TempDir Path scratch;

  private final Rebuilder rebuilder = new Rebuilder(new IndexBuilder(2, 16));
  private final IncrementalIndexer indexer = new IncrementalIndexer(1.0);

  private static final String COMMON = StoryKey.idForUrl("https://wire.example/common");

  @Test
  void addChangeAndDeleteAreSearchableAfterRefreshAndMatchAFullRebuild() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    List<Path> files = NewsFiles.corpus(seeds, 10);
    String live = rebuilder.rebuild(seeds, home).generation();
    try (Lede lede = Lede.open(homeDir)) {
      // New file.
      Files.writeString(seeds.resolve("new.txt"), NewsFiles.item("Quokka census results", "https://paper.example/quokka",
          "Common wire story", "https://wire.example/common"));
      IncrementalIndexer.Result added = indexer.apply(seeds, home, RebuildListener.NONE);
      assertEquals(1, added.added());
      assertEquals(0, search(lede, "quokka"), "not visible before refresh");
      lede.refresh();
      assertEquals(live, lede.generation(), "the live generation got a new commit, no new generation");
      assertEquals(1, search(lede, "quokka"));

      // Changed file: the old title goes, the new one comes.
      rewrite(files.get(3), NewsFiles.item("Wombat parade", "https://paper.example/story/3"));
      IncrementalIndexer.Result changed = indexer.apply(seeds, home, RebuildListener.NONE);
      assertEquals(1, changed.changed());
      lede.refresh();
      assertEquals(1, search(lede, "wombat"));
      assertEquals(0, search(lede, "story3"));

      // Deleted file.
      Files.delete(files.get(5));
      IncrementalIndexer.Result deleted = indexer.apply(seeds, home, RebuildListener.NONE);
      assertEquals(1, deleted.deleted());
      lede.refresh();
      assertEquals(0, search(lede, "story5"));
      var common = lede.item(COMMON).orElseThrow();
      assertFalse(common.sources().contains("item0005.txt"));
      assertFalse(common.sources().contains("item0003.txt"), "file 3 no longer lists the common story");
      assertTrue(common.sources().contains("new.txt"));
      assertEquals(9, common.hit().parents().size(), "items 0-2, 4, 6-9 and new.txt");

      // Nothing changed: no story is touched (files written within the last seconds are re-hashed, that is all).
      IncrementalIndexer.Result none = indexer.apply(seeds, home, RebuildListener.NONE);
      assertEquals(List.of(0, 0, 0, 0L, 0L), List.of(none.added(), none.changed(), none.deleted(), none.storiesUpdated(),
          none.storiesDeleted()));
    }
    assertSameAsFullRebuild(home);
  }

  @Test
  void aStorySharedByFilesSurvivesUntilTheLastOneGoes() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    List<Path> files = NewsFiles.corpus(seeds, 3);
    rebuilder.rebuild(seeds, home);
    Files.delete(files.get(0));
    Files.delete(files.get(1));
    indexer.apply(seeds, home, RebuildListener.NONE);
    try (Lede lede = Lede.open(homeDir)) {
      assertEquals(List.of("item0002.txt"), lede.item(COMMON).orElseThrow().sources());
      Files.delete(files.get(2));
      IncrementalIndexer.Result last = indexer.apply(seeds, home, RebuildListener.NONE);
      assertEquals(2, last.storiesDeleted(), "story2 and the common story");
      lede.refresh();
      assertTrue(lede.item(COMMON).isEmpty());
      assertEquals(0, lede.stats().documents());
    }
  }

  @Test
  void tooManyDeletionsAreRefusedUnlessAllowed() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    List<Path> files = NewsFiles.corpus(seeds, 10);
    rebuilder.rebuild(seeds, home);
    for (Path f : files.subList(0, 5)) Files.delete(f);
    IOException e = assertThrows(IncrementalIndexer.TooManyDeletionsException.class,
        () -> new IncrementalIndexer(0.2).apply(seeds, home, RebuildListener.NONE));
    assertTrue(e.getMessage().contains("5 of 10 files"), e.getMessage());
    assertEquals(5, indexer.apply(seeds, home, RebuildListener.NONE).deleted());
  }

  @Test
  void aRunKilledBetweenTheManifestAndTheIndexCommitIsRepairedByTheNextRun() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    List<Path> files = NewsFiles.corpus(seeds, 6);
    rebuilder.rebuild(seeds, home);
    // Version 2 of file 1 moves the common story out and adds another one...
    rewrite(files.get(1), NewsFiles.item("Story1 headline", "https://paper.example/story/1",
        "Short-lived story", "https://wire.example/short-lived"));
    RebuildListener dieAfterManifest = new RebuildListener() {
      @Override
      public void phaseDone(String phase, Map<String, Object> facts, long millis) {
        if (phase.equals("manifest")) throw new IllegalStateException("simulated crash");
      }
    };
    assertThrows(IllegalStateException.class, () -> indexer.apply(seeds, home, dieAfterManifest));
    // ...and before the next run, version 3 drops that one again.
    rewrite(files.get(1), NewsFiles.item("Story1 headline", "https://paper.example/story/1"));
    assertTrue(indexer.apply(seeds, home, RebuildListener.NONE).committed());
    assertSameAsFullRebuild(home);
  }

  @Test
  void aFileWhoseTimeChangedButNotItsContentIsOnlyRestamped() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    List<Path> files = NewsFiles.corpus(seeds, 4);
    Instant old = Instant.now().minusSeconds(3600);
    for (Path f : files) Files.setLastModifiedTime(f, FileTime.from(old));
    rebuilder.rebuild(seeds, home);
    assertFalse(indexer.apply(seeds, home, RebuildListener.NONE).committed(), "old files are trusted by size and time");
    Files.setLastModifiedTime(files.get(0), FileTime.from(old.plusSeconds(60)));
    IncrementalIndexer.Result r = indexer.apply(seeds, home, RebuildListener.NONE);
    assertEquals(1, r.restamped());
    assertEquals(0, r.changed());
    assertEquals(0, r.storiesUpdated());
    // An edit of the same size made in the same clock tick as the read would keep size and time: only
    // a file modified safely before it was read is trusted by its stat.
    ManifestEntry e = new ManifestEntry("a.txt", "h", 10, 5_000_000_000_000L, 10_000_000, 1, 0, false, List.of());
    assertTrue(e.trustStat(10, 5_000_000_000_000L), "modified 5000 s before the read");
    ManifestEntry racy = new ManifestEntry("a.txt", "h", 10, 5_000_000_000_000L, 5_001_000, 1, 0, false, List.of());
    assertFalse(racy.trustStat(10, 5_000_000_000_000L), "modified 1 s before the read: hash it again");
    assertFalse(e.trustStat(11, 5_000_000_000_000L), "size changed");
    // An edit that changes the content is caught by the hash.
    rewrite(files.get(2), NewsFiles.item("Story2 headlinf", "https://paper.example/story/2",
        "Common wire story", "https://wire.example/common"));
    assertEquals(1, indexer.apply(seeds, home, RebuildListener.NONE).changed());
  }

  private static int search(Lede lede, String q) {
    return (int) lede.search(SearchRequest.of(q)).total();
  }

  private static void rewrite(Path file, String content) throws IOException {
    Files.writeString(file, content);
  }

  /** The live generation holds exactly what a full rebuild of the same folder holds: documents and counts. */
  private void assertSameAsFullRebuild(IndexHome home) throws IOException {
    Path live = home.liveDir().orElseThrow();
    IndexHome fresh = new IndexHome(scratch.resolve("fresh"));
    rebuilder.rebuild(seeds, fresh, new Rebuilder.Options(
        new ValidationPolicy(1, 1, List.of(), false, 2), 3, false), RebuildListener.NONE);
    Path rebuilt = fresh.liveDir().orElseThrow();
    assertEquals(contents(rebuilt), contents(live));
    IndexStats a = stats(rebuilt);
    IndexStats b = stats(live);
    assertEquals(List.of(a.documents(), a.articles(), a.related(), a.items(), a.duplicatesMerged(), (long) a.files()),
        List.of(b.documents(), b.articles(), b.related(), b.items(), b.duplicatesMerged(), (long) b.files()));
  }

  private static Map<String, StoryDoc> contents(Path dir) throws IOException {
    Map<String, StoryDoc> docs = new TreeMap<>();
    try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
      for (int i = 0; i < reader.maxDoc(); i++) {
        if (live != null && !live.get(i)) continue;
        StoryDoc doc = DocumentMapper.fromStored(reader.storedFields().document(i));
        docs.put(doc.id(), doc);
      }
    }
    return docs;
  }

  private static IndexStats stats(Path dir) throws IOException {
    try (Directory d = FSDirectory.open(dir)) {
      return IndexStats.fromCommitData(SegmentInfos.readLatestCommit(d).getUserData());
    }
  }
}
