package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.search.SearchRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new generation is merged down before it is validated and published, losing nothing. */
class GenerationCompactorTest {

  @TempDir Path dir;
  @TempDir Path seeds;
  @TempDir Path homeDir;

  @Test
  void mergesSegmentsPurgesDeletionsAndKeepsTheCommitData() throws Exception {
    try (var d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (int i = 0; i < 4; i++) {
        for (String copy : new String[] {"a", "b"}) {
          Document doc = new Document();
          doc.add(new StringField("id", copy + i, Field.Store.YES));
          w.addDocument(doc);
        }
        w.commit(); // one segment per commit
      }
      w.deleteDocuments(new Term("id", "a0"));
      w.setLiveCommitData(Map.of("lede.stats", "kept").entrySet());
      w.commit();
    }
    try (var d = FSDirectory.open(dir)) {
      assertEquals(4, SegmentInfos.readLatestCommit(d).size());
    }

    GenerationCompactor.Result result = GenerationCompactor.compact(dir, 1);

    assertEquals(new GenerationCompactor.Result(4, 1), result);
    try (var d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(1, reader.leaves().size());
      assertEquals(7, reader.numDocs());
      assertEquals(7, reader.maxDoc(), "the deleted document is purged");
      assertEquals("kept", SegmentInfos.readLatestCommit(d).getUserData().get("lede.stats"));
    }
  }

  @Test
  void zeroLeavesTheIndexAsBuilt() throws Exception {
    try (var d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (int i = 0; i < 3; i++) {
        w.addDocument(new Document());
        w.commit();
      }
    }
    assertEquals(new GenerationCompactor.Result(3, 3), GenerationCompactor.compact(dir, 0));
    try (var d = FSDirectory.open(dir)) {
      assertEquals(3, SegmentInfos.readLatestCommit(d).size());
    }
  }

  @Test
  void aRebuildPublishesOneSegmentThatSearchesAndCountsAsBuilt() throws Exception {
    NewsFiles.corpus(seeds, 400);
    IndexHome home = new IndexHome(homeDir);
    AtomicReference<Map<String, Object>> mergeFacts = new AtomicReference<>();
    // A small RAM buffer and two workers flush several segments.
    Rebuilder.Result r = new Rebuilder(new IndexBuilder(2, 0.05)).rebuild(seeds, home, Rebuilder.Options.DEFAULTS,
        new RebuildListener() {
          @Override
          public void phaseDone(String phase, Map<String, Object> facts, long millis) {
            if (phase.equals("merge")) mergeFacts.set(facts);
          }
        });

    assertTrue(r.published());
    assertTrue((Integer) mergeFacts.get().get("segments_before") > 1, "the build flushed several segments: " + mergeFacts);
    assertEquals(1, mergeFacts.get().get("segments"));
    try (var d = FSDirectory.open(home.generationDir(r.generation()))) {
      assertEquals(1, SegmentInfos.readLatestCommit(d).size());
    }
    try (Lede lede = Lede.open(homeDir)) {
      assertEquals(r.report().documents(), lede.stats().documents());
      assertEquals(1, lede.search(SearchRequest.of("story345")).total());
    }
  }
}
