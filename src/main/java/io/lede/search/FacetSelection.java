package io.lede.search;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * The facet values a request selects, dimension by dimension (values within a dimension are alternatives,
 * dimensions must all match). Tells from a document's own facet ordinals which selected dimensions it
 * misses, so one pass over the matches separates drill sideways's hits from its near misses.
 */
final class FacetSelection {
  /** Most dimensions a selection can have: one bit each in an int. */
  static final int MAX_DIMS = 30;

  private final List<String> dims;
  private final List<List<String>> values;

  private FacetSelection(Map<String, List<String>> selected) {
    if (selected.size() > MAX_DIMS) throw new IllegalArgumentException("at most " + MAX_DIMS + " facet dimensions");
    this.dims = List.copyOf(selected.keySet());
    this.values = selected.values().stream().map(List::copyOf).toList();
  }

  /** @param selected the selected values by dimension, in the order their counts are reported */
  static FacetSelection of(Map<String, List<String>> selected) {
    return new FacetSelection(new LinkedHashMap<>(selected));
  }

  List<String> dims() {
    return dims;
  }

  List<String> values(String dim) {
    int d = dims.indexOf(dim);
    return d < 0 ? List.of() : values.get(d);
  }

  boolean isEmpty() {
    return dims.isEmpty();
  }

  /**
   * The selection in the ordinals of one segment's facet field: for each ordinal, the bits of the selected
   * dimensions it belongs to (none for an ordinal not selected). A value the segment lacks has no ordinal,
   * so no document there matches it.
   */
  Ordinals in(SortedSetDocValues segment) throws IOException {
    long valueCount = segment.getValueCount();
    if (valueCount > Integer.MAX_VALUE - 8) throw new IllegalStateException("too many facet values: " + valueCount);
    int[] dimBits = new int[(int) valueCount];
    for (int d = 0; d < dims.size(); d++) {
      for (String v : values.get(d)) {
        long ord = segment.lookupTerm(new BytesRef(FacetsConfig.pathToString(dims.get(d), v)));
        if (ord >= 0) dimBits[(int) ord] |= 1 << d;
      }
    }
    return new Ordinals(dimBits, dims.isEmpty() ? 0 : (int) ((1L << dims.size()) - 1));
  }

  /** One segment's selection: the selected dimensions' bits by ordinal, and the bits of all of them. */
  record Ordinals(int[] dimBits, int allDims) {
    /** The bits of the selected dimensions a document with these ordinals misses. */
    int missing(long[] docOrds, int n) {
      int matched = 0;
      for (int i = 0; i < n; i++) matched |= dimBits[(int) docOrds[i]];
      return allDims & ~matched;
    }
  }
}
