package io.lede.search;

import java.io.IOException;
import java.util.ArrayList;
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
 * <p>Drill sideways hands every hit to the drill-down collector and to each selected dimension's
 * sideways collector as well, so Lucene's counting reads every hit's facet values once per selected
 * dimension plus once. A selected dimension's sideways count is the hits' count plus that of its near
 * misses (documents missing only that dimension), so the hits are counted once ({@link FacetTally#hits})
 * and each sideways collector counts only its near misses ({@link FacetTally#nearMisses}). With two
 * dimensions selected at a million documents, Lucene's way was a fifth of the search.
 */
final class SidewaysFacetCounts {
  private SidewaysFacetCounts() {}

  /** The collectors of a drill-sideways search: the hits' tally, then one per selected dimension. */
  record Tallies(FacetTally hits, List<String> dims, List<FacetTally> sideways) {
    /** @param dims the selected dimensions, in the order of the drill-down query's */
    static Tallies of(SortedSetDocValuesReaderState state, List<String> dims) throws IOException {
      FacetTally.HitMarks marks = new FacetTally.HitMarks();
      List<FacetTally> sideways = new ArrayList<>(dims.size());
      for (String dim : dims) sideways.add(FacetTally.nearMisses(state, state.getOrdRange(dim), marks));
      return new Tallies(FacetTally.hits(state, marks), dims, sideways);
    }
  }

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
