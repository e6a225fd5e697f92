package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The page's text scores are exactly what {@code IndexSearcher#explain} reports, whatever the segments. */
class TextScoresTest {

  @Test
  void everyDocumentScoresAsExplainSaysAcrossSegments() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
        String[] titles = {"harbour strike ends", "strike at the harbour", "harbour cranes idle", "election night",
            "harbour strike harbour strike", "dockers vote", "the harbour strike goes on", "weather"};
        for (int i = 0; i < titles.length; i++) {
          Document d = new Document();
          d.add(new TextField("title", titles[i], Field.Store.NO));
          d.add(new TextField("body", i % 2 == 0 ? "the strike continues at the port" : "nothing here", Field.Store.NO));
          w.addDocument(d);
          if (i % 3 == 2) w.commit(); // several segments
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertTrue(reader.leaves().size() > 1);
        IndexSearcher searcher = new IndexSearcher(reader);
        Query phrase = new PhraseQuery("title", "harbour", "strike"); // two-phase: positions checked per document
        Query q = new BooleanQuery.Builder()
            .add(new TermQuery(new Term("title", "harbour")), Occur.MUST)
            .add(new BoostQuery(phrase, 2f), Occur.SHOULD)
            .add(new TermQuery(new Term("body", "strike")), Occur.SHOULD)
            .build();
        List<Integer> docs = new ArrayList<>(List.of(6, 0, 3, 4, 1, 2, 0, 7)); // unordered, a repeat, two that do not match
        Map<Integer, Double> scores = TextScores.of(searcher, q, docs);
        for (int doc : docs) {
          float explained = searcher.explain(q, doc).getValue().floatValue();
          if (searcher.explain(q, doc).isMatch()) {
            assertEquals(explained, scores.get(doc).floatValue(), 0f, "doc " + doc);
          } else {
            assertFalse(scores.containsKey(doc), "doc " + doc + " does not match");
          }
        }
        assertEquals(5, scores.size());
        assertTrue(scores.get(4) > scores.get(2), "the phrase counts");
      }
    }
  }
}
