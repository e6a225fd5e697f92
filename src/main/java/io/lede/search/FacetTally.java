package io.lede.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;

/**
 * Counts one facet dimension's values of the documents it collects, as it collects them: one count per
 * ordinal of the facet field (global ordinals, as the field's {@link SortedSetDocValuesReaderState} numbers
 * them; other dimensions' ordinals stay 0). Where the dimension's values come in runs of documents
 * ({@link DocRuns}), a segment's matches are counted from the runs.
 *
 * <p>Lucene's {@code FacetsCollector} keeps every match in a bit set and counting walks the sets again
 * afterwards; at a million documents walking the sets cost more than reading the values. Here each
 * document's values are read once, in document order, while its postings are still being decoded.
 * ({@link FacetedHits} does the same for the main facet field, telling hits from near misses on the way.)
 */
final class FacetTally implements CollectorManager<FacetTally.Counter, int[]> {

  private final String field;
  private final OrdinalMap ordinalMap;
  private final int size;
  private final OrdRange range;
  private final DocRuns runs;

  private FacetTally(SortedSetDocValuesReaderState state, OrdRange range, DocRuns runs) throws IOException {
    this.field = state.getField();
    this.ordinalMap = ordinalMap(state);
    this.size = state.getSize();
    this.range = range;
    this.runs = runs;
  }

  /** How the field's segment ordinals map to its global ones; null for one segment, where they are the same. */
  static OrdinalMap ordinalMap(SortedSetDocValuesReaderState state) throws IOException {
    return state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
  }

  /** Adds the counts of one collector to those of all. */
  static void addTo(int[] into, int[] counts) {
    for (int i = 0; i < counts.length; i++) into[i] += counts[i];
  }

  /**
   * The values of {@code dim} of every document collected.
   *
   * @param runs the dimension's runs of documents, or null to read every document's values
   * @throws IllegalArgumentException when the dimension is not in the field
   */
  static FacetTally of(SortedSetDocValuesReaderState state, String dim, DocRuns runs) throws IOException {
    OrdRange range = state.getOrdRange(dim);
    if (range == null) throw new IllegalArgumentException("dimension \"" + dim + "\" was not indexed");
    return new FacetTally(state, range, runs);
  }

  @Override
  public Counter newCollector() {
    return new Counter(new int[size]);
  }

  @Override
  public int[] reduce(Collection<Counter> collectors) {
    int[] sum = new int[size];
    for (Counter c : collectors) addTo(sum, c.counts);
    return sum;
  }

  final class Counter implements Collector {
    private final int[] counts;

    private Counter(int[] counts) {
      this.counts = counts;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
      int[] counts = this.counts;
      DocRuns.Segment segment = runs == null ? null : runs.segment(leaf.ord);
      if (segment != null) {
        DocRuns.Cursor cursor = segment.cursor();
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) {
            int ord = cursor.ord(doc);
            if (ord >= 0) counts[ord]++;
          }
        };
      }
      SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field);
      LongValues toGlobal = ordinalMap == null ? null : ordinalMap.getGlobalOrds(leaf.ord);
      int start = range.start();
      int end = range.end();
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (!values.advanceExact(doc)) return;
          for (int i = 0, n = values.docValueCount(); i < n; i++) {
            long segmentOrd = values.nextOrd();
            int ord = toGlobal == null ? (int) segmentOrd : (int) toGlobal.get(segmentOrd);
            if (ord >= start && ord <= end) counts[ord]++;
          }
        }
      };
    }
  }
}
