package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * One pass telling hits from near misses by their facet values ({@link FacetedHits}) gives exactly the hits
 * and counts Lucene's drill sideways and facet counting give, on several segments whose ordinals differ from
 * the searcher's.
 */
class SidewaysFacetCountsTest {

  private static final String[] TOPICS = {"AI", "Business", "Politics", "Science", "Sports", "U.S.", "World"};
  private static final String[] PROVIDERS = {"Reuters", "HuffPost", "The Verge", "Wired", "BBC"};
  private static final String[] YEARS = {"2018", "2019", "2020", "2021"};

  @Test
  void countsEqualLucenesForOneAndTwoSelectedDimensions() throws Exception {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued("topic", true);
    Random random = new Random(11);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (int i = 0; i < 1500; i++) {
          Document d = new Document();
          d.add(new TextField("text", random.nextInt(3) == 0 ? "harbour strike" : "election night", Field.Store.NO));
          // The first segment lacks the first topic and provider, so its ordinals are not the searcher's.
          int skip = i < 400 ? 1 : 0;
          d.add(new SortedSetDocValuesFacetField("topic", TOPICS[skip + random.nextInt(TOPICS.length - skip)]));
          if (random.nextBoolean()) d.add(new SortedSetDocValuesFacetField("topic", TOPICS[skip + random.nextInt(TOPICS.length - skip)]));
          d.add(new SortedSetDocValuesFacetField("provider", PROVIDERS[skip + random.nextInt(PROVIDERS.length - skip)]));
          if (i % 50 != 7) d.add(new SortedSetDocValuesFacetField("year", YEARS[random.nextInt(YEARS.length)]));
          w.addDocument(config.build(d));
          if (i % 400 == 399) w.commit(); // several segments: their ordinals differ from the searcher's
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertTrue(reader.leaves().size() > 1);
        IndexSearcher searcher = new IndexSearcher(reader);
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
        for (Query base : List.<Query>of(new MatchAllDocsQuery(), new TermQuery(new Term("text", "harbour")))) {
          assertSame(searcher, config, state, new String[][] {{"topic", "AI", "Business"}}, base);
          assertSame(searcher, config, state, new String[][] {{"topic", "U.S."}, {"year", "2020"}}, base);
          assertSame(searcher, config, state,
              new String[][] {{"provider", "Reuters", "BBC"}, {"year", "2019", "2021"}, {"topic", "World"}}, base);
          // Values no document has: nothing is a hit, every match misses that dimension.
          assertSame(searcher, config, state, new String[][] {{"topic", "Gardening"}}, base);
          assertSame(searcher, config, state, new String[][] {{"provider", "Reuters"}, {"topic", "Gardening", "AI"}}, base);
          assertSame(searcher, config, state, new String[][] {{"year", "1999"}, {"topic", "Science"}}, base);
        }
      }
    }
  }

  private static DrillDownQuery drill(FacetsConfig config, Query base, String[][] selections) {
    DrillDownQuery q = new DrillDownQuery(config, base);
    for (String[] s : selections) for (int i = 1; i < s.length; i++) q.add(s[0], s[i]);
    return q;
  }

  private static FacetSelection selection(String[][] selections) {
    Map<String, List<String>> selected = new LinkedHashMap<>();
    for (String[] s : selections) selected.put(s[0], List.of(s).subList(1, s.length));
    return FacetSelection.of(selected);
  }

  private static void assertSame(IndexSearcher searcher, FacetsConfig config, SortedSetDocValuesReaderState state,
      String[][] selections, Query base) throws IOException {
    DrillDownQuery q = drill(config, base, selections);
    DrillSideways.ConcurrentDrillSidewaysResult<TopDocs> lucene =
        new DrillSideways(searcher, config, state).search(q, new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
    FacetSelection selection = selection(selections);
    // The filter on all but one selected dimension only narrows what is visited: the same either way.
    for (Query searched : List.of(base, RequestFilters.sidewaysBase(base, selection, config))) {
      var result = searcher.search(searched,
          new FacetedHits(new TopFieldCollectorManager(Sort.RELEVANCE, 10, null, Integer.MAX_VALUE), state, selection, List.of()));
      Facets ours = SidewaysFacetCounts.of(state, result.hitCounts(), selection.dims(), result.nearMissCounts());
      assertFacetsEqual(lucene.facets, ours, q);
      assertEquals(lucene.collectorResult.totalHits.value(), result.top().totalHits.value(), "hits of " + q);
      assertEquals(docs(lucene.collectorResult), docs(result.top()), "top hits of " + q);
    }
    // Nothing selected: every match is a hit.
    Facets luceneAll = new SortedSetDocValuesFacetCounts(state, searcher.search(base, new FacetsCollectorManager()));
    List<FacetTally> perDim = new java.util.ArrayList<>();
    for (String dim : state.getDims()) perDim.add(FacetTally.of(state, dim, null));
    var all = searcher.search(base, new FacetedHits(new TopFieldCollectorManager(Sort.RELEVANCE, 10, null, Integer.MAX_VALUE),
        state, FacetSelection.of(Map.of()), perDim));
    assertFacetsEqual(luceneAll, new OrdinalFacetCounts(state, all.hitCounts()), base);
    int[] tallied = new int[state.getSize()];
    for (int[] counts : all.extraCounts()) FacetTally.addTo(tallied, counts);
    assertFacetsEqual(luceneAll, new OrdinalFacetCounts(state, tallied), base);
  }

  private static List<String> docs(TopDocs top) {
    // A relevance-sorted FieldDoc holds its score as its sort value.
    return java.util.Arrays.stream(top.scoreDocs)
        .map(d -> d.doc + ":" + (d instanceof org.apache.lucene.search.FieldDoc f ? f.fields[0] : d.score)).toList();
  }

  private static void assertFacetsEqual(Facets lucene, Facets ours, Query q) throws IOException {
    for (String dim : List.of("topic", "provider", "year")) {
      for (int n : new int[] {2, 3, 20}) {
        assertEquals(String.valueOf(lucene.getTopChildren(n, dim)), String.valueOf(ours.getTopChildren(n, dim)), dim + " top " + n + " of " + q);
      }
      assertEquals(sorted(lucene.getAllChildren(dim)), sorted(ours.getAllChildren(dim)), dim + " all of " + q);
    }
    for (String topic : TOPICS) assertEquals(lucene.getSpecificValue("topic", topic), ours.getSpecificValue("topic", topic));
    for (String year : YEARS) assertEquals(lucene.getSpecificValue("year", year), ours.getSpecificValue("year", year));
    assertEquals(lucene.getSpecificValue("year", "1999"), ours.getSpecificValue("year", "1999"), "a value no document has");
  }

  /** Children in label order (getAllChildren promises no order). */
  private static String sorted(FacetResult r) {
    if (r == null) return "null";
    var labels = java.util.Arrays.stream(r.labelValues).map(lv -> lv.label + "=" + lv.value).sorted().toList();
    return r.dim + " " + r.value + " " + r.childCount + " " + labels;
  }
}
