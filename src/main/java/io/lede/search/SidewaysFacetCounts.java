package io.lede.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;

/**
 * The facet counts of a drill-sideways search, counting each hit once.
 *
 * <p>Drill sideways hands every hit to the drill-down collector and to each selected dimension's
 * sideways collector as well, so Lucene's counting reads every hit's facet values once per selected
 * dimension plus once. A selected dimension's sideways count is the hits' count plus that of its near
 * misses (documents missing only that dimension), so here the hits are counted once, and each sideways
 * collector only for the documents it has beyond them — the same counts. With two dimensions selected
 * at a million documents this was a fifth of the search.
 */
final class SidewaysFacetCounts {
  private SidewaysFacetCounts() {}

  /**
   * @param hits the drill-down collector: documents matching the query and every selected dimension
   * @param sideways per selected dimension, its hits and near misses
   * @param dims the selected dimensions, in the order of {@code sideways}
   */
  static Facets count(SortedSetDocValuesReaderState state, FacetsCollector hits, FacetsCollector[] sideways, String[] dims)
      throws IOException {
    SortedSetDocValues top = state.getDocValues();
    OrdinalMap map = top instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
    int[] hitCounts = new int[state.getSize()];
    Map<Integer, MatchingDocs> hitsByLeaf = new HashMap<>();
    for (MatchingDocs m : hits.getMatchingDocs()) {
      hitsByLeaf.put(m.context().ord, m);
      count(state, map, m, null, null, hitCounts);
    }
    Facets down = new OrdinalFacetCounts(state, hitCounts);
    if (sideways == null || sideways.length == 0) return down;
    Map<String, Facets> byDim = new HashMap<>();
    for (int i = 0; i < sideways.length; i++) {
      OrdRange range = state.getOrdRange(dims[i]);
      int[] counts = hitCounts.clone(); // only this dimension's range is read from it
      if (range != null) {
        for (MatchingDocs m : sideways[i].getMatchingDocs()) count(state, map, m, hitsByLeaf.get(m.context().ord), range, counts);
      }
      byDim.put(dims[i], new OrdinalFacetCounts(state, counts));
    }
    return new MultiFacets(byDim, down);
  }

  /**
   * Adds the values of {@code docs}' documents, leaving out those of {@code except} (null: none), and
   * keeping only ordinals in {@code range} (null: all).
   */
  private static void count(SortedSetDocValuesReaderState state, OrdinalMap map, MatchingDocs docs, MatchingDocs except,
      OrdRange range, int[] counts) throws IOException {
    if (docs.totalHits() == 0) return;
    DocIdSetIterator it = docs.bits().iterator();
    if (it == null) return;
    DocIdSetIterator skip = except == null || except.totalHits() == 0 ? null : except.bits().iterator();
    LeafReaderContext leaf = docs.context();
    SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), state.getField());
    LongValues toGlobal = map == null ? null : map.getGlobalOrds(leaf.ord);
    int from = range == null ? 0 : range.start();
    int to = range == null ? Integer.MAX_VALUE : range.end();
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      if (skip != null) {
        int at = skip.docID() < doc ? skip.advance(doc) : skip.docID();
        if (at == doc) continue;
      }
      if (!dv.advanceExact(doc)) continue;
      for (int i = 0, n = dv.docValueCount(); i < n; i++) {
        long segmentOrd = dv.nextOrd();
        int ord = toGlobal == null ? (int) segmentOrd : (int) toGlobal.get(segmentOrd);
        if (ord >= from && ord <= to) counts[ord]++;
      }
    }
  }
}
