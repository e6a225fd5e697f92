package io.lede.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;

/**
 * The facet counts of a drill-sideways search, each hit's values read once.
 *
 * <p>Lucene's drill sideways hands every hit to the drill-down collector and to each selected dimension's
 * sideways collector as well, so its counting reads every hit's facet values once per selected dimension
 * plus once. A selected dimension's sideways count is the hits' count plus that of its near misses
 * (documents missing only that dimension), so the hits are counted once and each dimension's near misses
 * on their own ({@link FacetedHits}). With two dimensions selected at a million documents, Lucene's way
 * was a fifth of the search.
 */
final class SidewaysFacetCounts {
  private SidewaysFacetCounts() {}

  /**
   * @param hitCounts the hits' counts: documents matching the query and every selected dimension
   * @param dims the selected dimensions
   * @param nearMissCounts per selected dimension, in the order of {@code dims}, the counts of its near misses
   */
  static Facets of(SortedSetDocValuesReaderState state, int[] hitCounts, List<String> dims, List<int[]> nearMissCounts) {
    Facets down = new OrdinalFacetCounts(state, hitCounts);
    if (dims.isEmpty()) return down;
    Map<String, Facets> byDim = new HashMap<>();
    for (int i = 0; i < dims.size(); i++) {
      OrdRange range = state.getOrdRange(dims.get(i));
      int[] counts = hitCounts.clone(); // only this dimension's range is read from it
      if (range != null) {
        int[] misses = nearMissCounts.get(i);
        for (int ord = range.start(); ord <= range.end(); ord++) counts[ord] += misses[ord];
      }
      byDim.put(dims.get(i), new OrdinalFacetCounts(state, counts));
    }
    return new MultiFacets(byDim, down);
  }
}
