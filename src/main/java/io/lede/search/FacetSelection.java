package io.lede.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
  static final int MAX_DIMS = 31;

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
   * The selection in the ordinals of one segment's facet field: ordinals in increasing order, each with the
   * bit of its dimension. A value the segment lacks has no ordinal, so no document there matches it.
   */
  Ordinals in(SortedSetDocValues segment) throws IOException {
    List<long[]> found = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) {
      for (String v : values.get(d)) {
        long ord = segment.lookupTerm(new BytesRef(FacetsConfig.pathToString(dims.get(d), v)));
        if (ord >= 0) found.add(new long[] {ord, 1L << d});
      }
    }
    found.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] ords = new long[found.size()];
    int[] bits = new int[found.size()];
    for (int i = 0; i < ords.length; i++) {
      ords[i] = found.get(i)[0];
      bits[i] = (int) found.get(i)[1];
    }
    return new Ordinals(ords, bits, dims.isEmpty() ? 0 : (int) ((1L << dims.size()) - 1));
  }

  /** One segment's selected ordinals, ascending, with their dimensions' bits. */
  record Ordinals(long[] ords, int[] dimBits, int allDims) {
    /**
     * The bits of the selected dimensions a document with these ordinals misses.
     *
     * @param docOrds the document's ordinals in increasing order, as doc values give them
     */
    int missing(long[] docOrds, int n) {
      int matched = 0;
      for (int i = 0, j = 0; i < n && j < ords.length; ) {
        long a = docOrds[i];
        long b = ords[j];
        if (a < b) {
          i++;
        } else if (a > b) {
          j++;
        } else {
          matched |= dimBits[j];
          i++;
          j++;
        }
      }
      return allDims & ~matched;
    }

    @Override
    public String toString() {
      return Arrays.toString(ords);
    }
  }
}
