package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.index.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The lean relevance window gives exactly what Lucene's TopFieldCollector gives for the relevance sort: the
 * same documents in the same order with the same sort values and total, across segments (one collector, and
 * one per segment searched concurrently, then merged), with many equal scores (ties broken by the id key, a
 * missing key as 0, then by document), for windows smaller and larger than the matches.
 */
class RelevanceTopHitsTest {

  @Test
  void sameWindowAsLucenesTopFieldCollector() throws Exception {
    Random random = new Random(5);
    String[] words = {"harbour", "strike", "election", "night", "market"};
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (int i = 0; i < 3000; i++) {
          Document d = new Document();
          StringBuilder text = new StringBuilder();
          for (int k = 1 + random.nextInt(6); k > 0; k--) text.append(words[random.nextInt(words.length)]).append(' ');
          d.add(new TextField("text", text.toString(), Field.Store.NO));
          // Few distinct keys (many ties after equal scores), some documents without one, negative ones too.
          if (i % 37 != 0) d.add(new NumericDocValuesField(Schema.ID_KEY, random.nextInt(200) - 50));
          w.addDocument(d);
          if (i % 700 == 699) w.commit(); // several segments
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertTrue(reader.leaves().size() > 1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        // One slice per segment, searched concurrently: the windows of several collectors are merged.
        IndexSearcher sliced = new IndexSearcher(reader, pool) {
          @Override
          protected LeafSlice[] slices(List<org.apache.lucene.index.LeafReaderContext> leaves) {
            return slices(leaves, 1, 1, false);
          }
        };
        assertTrue(sliced.getSlices().length > 1);
        try {
          for (IndexSearcher searcher : List.of(new IndexSearcher(reader), sliced)) assertSameWindows(searcher);
        } finally {
          pool.shutdown();
        }
      }
    }
  }

  private static void assertSameWindows(IndexSearcher searcher) throws java.io.IOException {
    List<Query> queries = List.of(
        new TermQuery(new Term("text", "harbour")),
        new BooleanQuery.Builder().add(new TermQuery(new Term("text", "strike")), Occur.SHOULD)
            .add(new TermQuery(new Term("text", "night")), Occur.SHOULD).build(),
        new ConstantScoreQuery(new TermQuery(new Term("text", "market"))), // every score equal
        new BooleanQuery.Builder() // a few distinct scores, many of each
            .add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("text", "election"))), 2f), Occur.SHOULD)
            .add(new ConstantScoreQuery(new TermQuery(new Term("text", "harbour"))), Occur.SHOULD).build(),
        new MatchAllDocsQuery(),
        new TermQuery(new Term("text", "absent")));
    for (Query q : queries) {
      for (int size : new int[] {1, 7, 50, 5000}) {
        TopFieldDocs lucene = searcher.search(q,
            new TopFieldCollectorManager(SortSpec.of(SortOrder.RELEVANCE, true), size, null, Integer.MAX_VALUE));
        TopFieldDocs ours = searcher.search(q, new RelevanceTopHits(size));
        String what = q + " size " + size + " slices " + searcher.getSlices().length;
        assertEquals(lucene.totalHits, ours.totalHits, what);
        assertEquals(describe(lucene), describe(ours), what);
        assertEquals(Arrays.toString(lucene.fields), Arrays.toString(ours.fields), what);
      }
    }
  }

  private static List<String> describe(TopFieldDocs top) {
    return Arrays.stream(top.scoreDocs).map(d -> {
      FieldDoc f = (FieldDoc) d;
      return f.doc + " " + Arrays.toString(f.fields) + " " + f.fields[0].getClass().getSimpleName()
          + "/" + f.fields[1].getClass().getSimpleName() + " " + f.score;
    }).toList();
  }
}
