package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Runs of documents sharing a facet value, against the doc values they are read from. */
class DocRunsTest {

  private static final FacetsConfig CONFIG = new FacetsConfig();
  private final Random random = new Random(42);

  /** Indexes documents with these months (null: none), in segments of {@code perSegment}, sorted by time if asked. */
  private static Directory index(List<String> months, int perSegment, boolean sorted) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig iwc = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
    if (sorted) iwc.setIndexSort(new Sort(new SortField("at", SortField.Type.LONG, true)));
    try (IndexWriter w = new IndexWriter(dir, iwc)) {
      for (int i = 0; i < months.size(); i++) {
        Document d = new Document();
        String m = months.get(i);
        // Time follows the month, so sorting by time groups each month (a document without one sorts anywhere).
        d.add(new NumericDocValuesField("at", m == null ? i % 7 : Long.parseLong(m.replace("-", "")) * 1000 + i % 10));
        if (m != null) d.add(new SortedSetDocValuesFacetField("month", m));
        d.add(new SortedSetDocValuesFacetField("kind", i % 2 == 0 ? "article" : "related"));
        w.addDocument(CONFIG.build(d));
        if ((i + 1) % perSegment == 0) w.commit();
      }
    }
    return dir;
  }

  private List<String> shuffledMonths(int n, int withoutMonth) {
    List<String> months = new ArrayList<>();
    for (int i = 0; i < n; i++) months.add(i < withoutMonth ? null : String.format("20%02d-%02d", 10 + i % 2, 1 + (i / 2) % 12));
    Collections.shuffle(months, random);
    return months;
  }

  /** The month ordinal (global) each document of the leaf has in the doc values, -1 for none. */
  private static int[] expected(LeafReaderContext leaf, SortedSetDocValuesReaderState state) throws IOException {
    var range = state.getOrdRange("month");
    int[] out = new int[leaf.reader().maxDoc()];
    SortedSetDocValues values = leaf.reader().getSortedSetDocValues(state.getField());
    var map = FacetTally.ordinalMap(state);
    for (int doc = 0; doc < out.length; doc++) {
      out[doc] = -1;
      if (!values.advanceExact(doc)) continue;
      for (int i = 0; i < values.docValueCount(); i++) {
        long o = values.nextOrd();
        int g = map == null ? (int) o : (int) map.getGlobalOrds(leaf.ord).get(o);
        if (g >= range.start() && g <= range.end()) out[doc] = g;
      }
    }
    return out;
  }

  @Test
  void aSortedIndexGivesEachDocumentItsOwnMonthFromTheRuns() throws IOException {
    try (Directory dir = index(shuffledMonths(3000, 150), 1000, true); DirectoryReader reader = DirectoryReader.open(dir)) {
      assertTrue(reader.leaves().size() > 1, "several segments: global ordinals are mapped");
      var state = new DefaultSortedSetDocValuesReaderState(reader, CONFIG);
      DocRuns runs = assertNotNull(DocRuns.of(reader, state, "month"));
      for (LeafReaderContext leaf : reader.leaves()) {
        int[] want = expected(leaf, state);
        DocRuns.Segment segment = assertNotNull(runs.segment(leaf.ord), "a sorted segment is kept as runs");
        assertTrue(segment.starts().length <= 24 + 1, "one run per month, and at most one of documents without: "
            + segment.starts().length);
        DocRuns.Cursor forward = segment.cursor();
        int step = 1 + random.nextInt(3);
        for (int doc = 0; doc < want.length; doc += step) assertEquals(want[doc], forward.ord(doc), "doc " + doc);
        DocRuns.Cursor anyOrder = segment.cursor();
        for (int i = 0; i < 2000; i++) {
          int doc = random.nextInt(want.length);
          assertEquals(want[doc], anyOrder.ord(doc), "doc " + doc + " out of order");
        }
      }
    }
  }

  @Test
  void tallyFromRunsCountsAsTheDocValues() throws IOException {
    try (Directory dir = index(shuffledMonths(2000, 100), 700, true); DirectoryReader reader = DirectoryReader.open(dir)) {
      var state = new DefaultSortedSetDocValuesReaderState(reader, CONFIG);
      DocRuns runs = DocRuns.of(reader, state, "month");
      var searcher = new org.apache.lucene.search.IndexSearcher(reader);
      // Every other document (the drill-down term of kind "article"): the runs are stepped through sparsely.
      var articles = new org.apache.lucene.search.TermQuery(
          new org.apache.lucene.index.Term("$facets", FacetsConfig.pathToString("kind", "article")));
      for (var query : List.of(new org.apache.lucene.search.MatchAllDocsQuery(), articles,
          org.apache.lucene.document.NumericDocValuesField.newSlowRangeQuery("at", 201003000L, 201106999L))) {
        int[] fromRuns = searcher.search(query, FacetTally.of(state, "month", runs));
        int[] fromValues = searcher.search(query, FacetTally.of(state, "month", null));
        org.junit.jupiter.api.Assertions.assertArrayEquals(fromValues, fromRuns, query.toString());
        assertTrue(java.util.Arrays.stream(fromRuns).sum() > 0, "the query matches: " + query);
      }
      int[] all = searcher.search(new org.apache.lucene.search.MatchAllDocsQuery(), FacetTally.of(state, "month", runs));
      assertEquals(1900, java.util.Arrays.stream(all).sum(), "every document with a month, once; no other dimension");
      long kindOrd = state.getDocValues().lookupTerm(new BytesRef(FacetsConfig.pathToString("kind", "article")));
      assertEquals(0, all[(int) kindOrd], "another dimension's values are not counted");
    }
  }

  @Test
  void anUnsortedSegmentHasNoRuns() throws IOException {
    try (Directory dir = index(shuffledMonths(1000, 0), 1000, false); DirectoryReader reader = DirectoryReader.open(dir)) {
      var state = new DefaultSortedSetDocValuesReaderState(reader, CONFIG);
      assertNull(DocRuns.of(reader, state, "month"), "values change every few documents: read from the doc values");
    }
  }

  @Test
  void aDocumentWithTwoValuesOfTheDimensionHasNoRuns() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        FacetsConfig multi = new FacetsConfig();
        multi.setMultiValued("month", true);
        Document d = new Document();
        d.add(new SortedSetDocValuesFacetField("month", "2020-01"));
        d.add(new SortedSetDocValuesFacetField("month", "2020-02"));
        w.addDocument(multi.build(d));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertNull(DocRuns.of(reader, new DefaultSortedSetDocValuesReaderState(reader, CONFIG), "month"));
      }
    }
  }

  private static <T> T assertNotNull(T value) {
    return assertNotNull(value, "");
  }

  private static <T> T assertNotNull(T value, String message) {
    org.junit.jupiter.api.Assertions.assertNotNull(value, message);
    return value;
  }
}
