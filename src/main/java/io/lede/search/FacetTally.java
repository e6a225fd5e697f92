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
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;

/**
 * Counts the facet values of the documents it collects, as it collects them: one count per ordinal of a
 * facet field (global ordinals, as the field's {@link SortedSetDocValuesReaderState} numbers them).
 *
 * <p>Lucene's {@code FacetsCollector} keeps every match in a bit set and counting walks the sets again
 * afterwards; at a million documents walking the sets cost more than reading the values. Here each
 * document's values are read once, in document order, while its postings are still being decoded.
 *
 * <p>For drill sideways a tally can also leave out the hits: a selected dimension's sideways collector is
 * handed the hits as well as its near misses, and since a sideways count is the hits' count plus the near
 * misses', reading the hits' values again would be wasted (see {@link SidewaysFacetCounts}). The tally of
 * the hits marks each hit on {@link HitMarks}; the sideways tallies skip a document so marked. This relies on
 * drill sideways handing a hit to the drill-down collector before the sideways ones, which it does on the
 * same thread; SidewaysFacetCountsTest checks the counts against Lucene's own.
 */
final class FacetTally implements CollectorManager<FacetTally.Counter, int[]> {

  private final String field;
  private final OrdinalMap ordinalMap;
  private final int size;
  private final int from;
  private final int to;
  private final HitMarks marks;
  private final boolean marking;

  private FacetTally(SortedSetDocValuesReaderState state, OrdRange range, HitMarks marks, boolean marking)
      throws IOException {
    this.field = state.getField();
    this.ordinalMap = state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
    this.size = state.getSize();
    this.from = range == null ? 0 : range.start();
    this.to = range == null ? Integer.MAX_VALUE : range.end();
    this.marks = marks;
    this.marking = marking;
  }

  /** Every value of every document collected. */
  static FacetTally all(SortedSetDocValuesReaderState state) throws IOException {
    return new FacetTally(state, null, null, false);
  }

  /** Every value of every hit collected, marking each hit on {@code marks} for the sideways tallies. */
  static FacetTally hits(SortedSetDocValuesReaderState state, HitMarks marks) throws IOException {
    return new FacetTally(state, null, marks, true);
  }

  /**
   * The values in {@code range} (one dimension's; null: the field has no such dimension, nothing is counted)
   * of the documents collected that {@code marks} does not call hits: a sideways collector's near misses.
   */
  static FacetTally nearMisses(SortedSetDocValuesReaderState state, OrdRange range, HitMarks marks) throws IOException {
    return new FacetTally(state, range == null ? new OrdRange(0, -1) : range, marks, false);
  }

  @Override
  public Counter newCollector() {
    return new Counter(new int[size]);
  }

  @Override
  public int[] reduce(Collection<Counter> collectors) {
    int[] sum = new int[size];
    for (Counter c : collectors) {
      for (int i = 0; i < size; i++) sum[i] += c.counts[i];
    }
    return sum;
  }

  /** The last hit collected on each thread: drill sideways hands a hit to all its collectors on one thread. */
  static final class HitMarks {
    private final ThreadLocal<Mark> byThread = ThreadLocal.withInitial(Mark::new);

    Mark mine() {
      return byThread.get();
    }
  }

  static final class Mark {
    private LeafReaderContext leaf;
    private int doc = -1;
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
      SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field);
      LongValues toGlobal = ordinalMap == null ? null : ordinalMap.getGlobalOrds(leaf.ord);
      Mark mark = marks == null ? null : marks.mine();
      int[] counts = this.counts;
      return new LeafCollector() {
        @Override
        public void setScorer(org.apache.lucene.search.Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (mark != null) {
            if (marking) {
              mark.leaf = leaf;
              mark.doc = doc;
            } else if (mark.doc == doc && mark.leaf == leaf) {
              return; // a hit: the hits' tally counted it
            }
          }
          if (!values.advanceExact(doc)) return;
          for (int i = 0, n = values.docValueCount(); i < n; i++) {
            long segmentOrd = values.nextOrd();
            int ord = toGlobal == null ? (int) segmentOrd : (int) toGlobal.get(segmentOrd);
            if (ord >= from && ord <= to) counts[ord]++;
          }
        }
      };
    }
  }
}
