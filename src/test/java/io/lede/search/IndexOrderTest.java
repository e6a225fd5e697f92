package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.index.IndexHome;
import io.lede.index.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new index keeps its stories newest first (undated last), which changes no answer; a writer of an
 * existing index keeps whatever order that index has, including none (indexes built before the order).
 */
class IndexOrderTest {

  @TempDir Path dir;

  @Test
  void aNewIndexKeepsItsStoriesNewestFirstUndatedLast() throws Exception {
    List<Fixtures.Item> items = new ArrayList<>();
    String[] dates = {"2019-05-01T08:00:00Z", null, "2023-01-15T12:00:00Z", "2001-09-10T00:00:00Z", "2021-07-04T18:30:00Z",
        null, "2023-01-15T11:00:00Z", "1999-12-31T23:59:59Z"};
    for (int i = 0; i < dates.length; i++) {
      items.add(item("Lighthouse keeper report number " + i).excerpt("Keeper log " + i + ".").provider("P" + i)
          .date(dates[i]));
    }
    try (Lede lede = Fixtures.open(dir, items.toArray(Fixtures.Item[]::new))) {
      // The answers do not depend on where documents are stored: sorted by date or by relevance as asked.
      SearchResponse newest = lede.search(SearchRequest.builder().query("lighthouse keeper").sort(SortOrder.NEWEST)
          .collapse(false).size(20).build());
      assertEquals(dates.length, newest.total());
      assertEquals("Lighthouse keeper report number 2", newest.hits().get(0).title());
      assertEquals(null, newest.hits().get(dates.length - 1).publishedDateTime().orElse(null));
    }
    Path live = new IndexHome(dir.resolve("index")).liveDir().orElseThrow();
    try (var d = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(d)) {
      int documents = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        assertEquals(Schema.indexSort(), leaf.reader().getMetaData().sort());
        NumericDocValues published = leaf.reader().getNumericDocValues(Schema.PUBLISHED_AT);
        long previous = Long.MAX_VALUE;
        boolean undatedSeen = false;
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++, documents++) {
          if (published.advanceExact(doc)) {
            assertTrue(!undatedSeen && published.longValue() <= previous, "newest first, undated last, at " + doc);
            previous = published.longValue();
          } else {
            undatedSeen = true;
          }
        }
        assertTrue(undatedSeen, "the undated stories are in the index");
      }
      assertEquals(dates.length, documents);
    }
  }

  @Test
  void aWriterOfAnExistingIndexKeepsItsOrder() throws Exception {
    Path unsorted = dir.resolve("unsorted");
    try (var d = FSDirectory.open(unsorted); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new NumericDocValuesField(Schema.PUBLISHED_AT, 1L));
      w.addDocument(doc);
    }
    try (var d = FSDirectory.open(unsorted)) {
      IndexWriterConfig config = Schema.writerConfigFor(d).setOpenMode(IndexWriterConfig.OpenMode.APPEND);
      assertNull(config.getIndexSort(), "an index from before the order stays as it is");
      try (IndexWriter w = new IndexWriter(d, config)) {
        w.addDocument(new Document()); // Lucene would refuse to open it with another order
      }
    }

    Path sorted = dir.resolve("sorted");
    try (var d = FSDirectory.open(sorted); IndexWriter w = new IndexWriter(d, Schema.writerConfig())) {
      Document doc = new Document();
      doc.add(new NumericDocValuesField(Schema.PUBLISHED_AT, 1L));
      w.addDocument(doc);
    }
    try (var d = FSDirectory.open(sorted)) {
      assertEquals(Schema.indexSort(), Schema.writerConfigFor(d).getIndexSort());
    }

    Path empty = dir.resolve("empty");
    try (var d = FSDirectory.open(empty); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      w.commit();
    }
    try (var d = FSDirectory.open(empty)) {
      assertEquals(Schema.indexSort(), Schema.writerConfigFor(d).getIndexSort(), "nothing to keep: the new order");
    }
  }
}
