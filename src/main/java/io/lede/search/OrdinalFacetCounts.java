package io.lede.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * Counts per value of flat facet dimensions, as counted by {@link SidewaysFacetCounts}, answering as Lucene's
 * {@code SortedSetDocValuesFacetCounts} does: the top values by count (ties: the value that sorts first),
 * every value with a count, the count of one value (-1 when the index has no such value), and an unknown
 * dimension is an {@link IllegalArgumentException}. Hierarchical paths are not supported (Lede has none).
 */
final class OrdinalFacetCounts extends Facets {

  private final SortedSetDocValuesReaderState state;
  private final int[] counts;

  OrdinalFacetCounts(SortedSetDocValuesReaderState state, int[] counts) {
    this.state = state;
    this.counts = counts;
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    OrdRange range = range(dim, path);
    // Best first: higher count, then lower ordinal. Packed so one long comparison orders them.
    long[] heap = new long[Math.min(topN, range.end() - range.start() + 1)];
    int size = 0;
    int children = 0;
    long sum = 0;
    for (int ord = range.start(); ord <= range.end(); ord++) {
      int count = counts[ord];
      if (count == 0) continue;
      children++;
      sum += count;
      long key = ((long) count << 32) | (Integer.MAX_VALUE - ord);
      if (size < heap.length) {
        heap[size++] = key;
        if (size == heap.length) Arrays.sort(heap);
      } else if (key > heap[0]) {
        heap[0] = key;
        siftDown(heap);
      }
    }
    long[] best = Arrays.copyOf(heap, size);
    Arrays.sort(best);
    SortedSetDocValues values = state.getDocValues();
    LabelAndValue[] labels = new LabelAndValue[size];
    for (int i = 0; i < size; i++) {
      long key = best[size - 1 - i];
      labels[i] = new LabelAndValue(label(values, Integer.MAX_VALUE - (int) key), (int) (key >>> 32));
    }
    return children == 0 ? null : new FacetResult(dim, path, dimValue(dim, sum), labels, children);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    OrdRange range = range(dim, path);
    SortedSetDocValues values = state.getDocValues();
    List<LabelAndValue> labels = new ArrayList<>();
    long sum = 0;
    for (int ord = range.start(); ord <= range.end(); ord++) {
      if (counts[ord] == 0) continue;
      sum += counts[ord];
      labels.add(new LabelAndValue(label(values, ord), counts[ord]));
    }
    return labels.isEmpty() ? null
        : new FacetResult(dim, path, dimValue(dim, sum), labels.toArray(LabelAndValue[]::new), labels.size());
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length != 1) throw new IllegalArgumentException("one value of a flat dimension, not " + Arrays.toString(path));
    long ord = state.getDocValues().lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return ord < 0 ? -1 : counts[(int) ord];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> dims = new ArrayList<>();
    for (String dim : state.getDims()) {
      FacetResult r = getTopChildren(topN, dim);
      if (r != null) dims.add(r);
    }
    dims.sort(Comparator.comparingLong((FacetResult r) -> r.value.longValue()).reversed().thenComparing(r -> r.dim));
    return dims;
  }

  private OrdRange range(String dim, String... path) {
    if (path.length != 0) throw new IllegalArgumentException("hierarchical paths are not counted here: " + Arrays.toString(path));
    OrdRange range = state.getOrdRange(dim);
    if (range == null) throw new IllegalArgumentException("dimension \"" + dim + "\" was not indexed");
    return range;
  }

  /** As Lucene: a multi-valued dimension's own count is unknown (-1) unless the schema asks for it. */
  private Number dimValue(String dim, long sum) {
    FacetsConfig.DimConfig config = state.getFacetsConfig().getDimConfig(dim);
    return config.multiValued && !config.requireDimCount ? -1 : sum;
  }

  private static String label(SortedSetDocValues values, int ord) throws IOException {
    String[] parts = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
    return parts[parts.length - 1];
  }

  /** Restores the min-heap order of {@code heap} after its root was replaced. */
  private static void siftDown(long[] heap) {
    int i = 0;
    long moving = heap[0];
    while (true) {
      int child = 2 * i + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && heap[child + 1] < heap[child]) child++;
      if (heap[child] >= moving) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = moving;
  }
}
