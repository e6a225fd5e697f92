package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every story segment, from a rebuild, its merge and an incremental run, is written with Lede's codec and reads back. */
class LedeCodecTest {

  @TempDir Path seeds;
  @TempDir Path homeDir;

  @Test
  void rebuildsMergesAndIncrementalCommitsUseTheCodecAndReadBack() throws Exception {
    NewsFiles.corpus(seeds, 40);
    IndexHome home = new IndexHome(homeDir);
    new Rebuilder(new IndexBuilder(2, 16)).rebuild(seeds, home);
    Files.writeString(seeds.resolve("late.txt"), NewsFiles.item("Late edition", "https://paper.example/late"));
    assertEquals(1, new IncrementalIndexer(1.0).apply(seeds, home, RebuildListener.NONE).added());

    Path live = home.liveDir().orElseThrow();
    try (var dir = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(dir)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
      assertTrue(infos.size() >= 2, "the merged rebuild plus the incremental commit's segment");
      for (SegmentCommitInfo segment : infos) assertEquals(LedeCodec.NAME, segment.info.getCodec().getName());

      // Every document's source comes back whole through the codec's stored fields.
      Set<String> titles = new HashSet<>();
      var stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        titles.add(DocumentMapper.fromStored(stored.document(doc, DocumentMapper.SOURCE_ONLY)).story().title());
      }
      assertTrue(titles.contains("Late edition"), titles.toString());
      assertEquals(reader.numDocs(), reader.maxDoc(), "no deletions in this history");
    }
  }
}
