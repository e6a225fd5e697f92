package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LabelledCharArrayMatcher;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PhraseHelper;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walking each term's postings forward marks exactly what Lucene's own per-document lookups mark. */
class ForwardPostingsOffsetsTest {

  private static final String[] TEXTS = {
      "Harbour strike ends as dockers vote", "Election night in the capital", "Strike! Strike! The harbour is shut",
      "Cranes idle at the harbour", "Nothing to see here", "Dockers and the harbour strike, day three",
      "The strike is over", "Harbour master resigns", "Votes counted overnight", "A harbour, a strike, a vote"};

  @Test
  void marksTheSameAsLuceneAcrossSegmentsAndWhenAskedAgain() throws Exception {
    Analyzer analyzer = new StandardAnalyzer();
    FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
    withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (int i = 0; i < TEXTS.length; i++) {
          Document d = new Document();
          d.add(new Field("title", TEXTS[i], withOffsets));
          w.addDocument(d);
          if (i % 4 == 3) w.commit();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertTrue(reader.leaves().size() > 1, "several segments");
        IndexSearcher searcher = new IndexSearcher(reader);
        Query q = new BooleanQuery.Builder()
            .add(new TermQuery(new Term("title", "harbour")), Occur.SHOULD)
            .add(new TermQuery(new Term("title", "strike")), Occur.SHOULD)
            .add(new TermQuery(new Term("title", "vote")), Occur.SHOULD)
            .add(new TermQuery(new Term("title", "absent")), Occur.SHOULD)
            .build();
        int[] all = java.util.stream.IntStream.range(0, TEXTS.length).toArray();
        String[] lucene = marks(highlighter(searcher, analyzer, false), q, all);
        String[] forward = marks(highlighter(searcher, analyzer, true), q, all);
        assertArrayEquals(lucene, forward, Arrays.toString(forward));
        assertEquals("<b>Harbour</b> <b>strike</b> ends as dockers <b>vote</b>", forward[0]);
        assertEquals("A <b>harbour</b>, a <b>strike</b>, a <b>vote</b>", forward[9]);

        // One strategy asked for a document again, and for an earlier one: the terms are looked up afresh.
        var leaf = reader.leaves().get(0).reader();
        BytesRef[] terms = {new BytesRef("harbour"), new BytesRef("strike"), new BytesRef("vote")};
        ForwardPostingsOffsets strategy = new ForwardPostingsOffsets(new UHComponents("title", "title"::equals, q, terms,
            PhraseHelper.NONE, new LabelledCharArrayMatcher[0], false, Set.of()));
        assertTrue(ForwardPostingsOffsets.handles(strategy.components()));
        String doc2 = offsets(strategy.getOffsetsEnum(leaf, 2, TEXTS[2]));
        assertEquals("[0-6, 8-14, 20-27]", doc2, "Strike! Strike! The harbour is shut");
        assertEquals(doc2, offsets(strategy.getOffsetsEnum(leaf, 2, TEXTS[2])), "the same document again");
        assertEquals("[0-7, 8-14, 31-35]", offsets(strategy.getOffsetsEnum(leaf, 0, TEXTS[0])), "an earlier one");
        assertEquals("[]", offsets(strategy.getOffsetsEnum(leaf, 1, TEXTS[1])), "none of the terms");
      }
    }
  }

  private static String offsets(OffsetsEnum e) throws java.io.IOException {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (e) {
      while (e.nextPosition()) out.add(e.startOffset() + "-" + e.endOffset());
    }
    return out.toString();
  }

  private static String[] marks(UnifiedHighlighter h, Query q, int[] docs) throws java.io.IOException {
    return h.highlightFields(new String[] {"title"}, q, docs, new int[] {1}).get("title");
  }

  private static UnifiedHighlighter highlighter(IndexSearcher searcher, Analyzer analyzer, boolean forward) {
    UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, analyzer).withBreakIterator(WholeBreakIterator::new);
    return new UnifiedHighlighter(b) {
      @Override
      protected OffsetSource getOffsetSource(String field) {
        return OffsetSource.POSTINGS;
      }

      @Override
      protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
        return forward && ForwardPostingsOffsets.handles(components)
            ? new ForwardPostingsOffsets(components)
            : super.getOffsetStrategy(source, components);
      }
    };
  }
}
