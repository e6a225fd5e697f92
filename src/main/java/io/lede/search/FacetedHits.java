package io.lede.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.LongValues;

/**
 * One pass over the matches of a faceted search: the top hits, the facet counts of the hits and, when
 * facet values are selected, the counts drill sideways needs, each document's facet values read once.
 *
 * <p>With values selected, the query given to the searcher is the drill-sideways base (the text query and
 * filters, without the selected dimensions). A match that has every selected dimension is a hit: ranked,
 * and all its values counted. One that misses exactly one dimension is that dimension's near miss: only
 * that dimension's values are counted (its sideways count is the hits' count plus its near misses', see
 * {@link SidewaysFacetCounts}); it is not scored. Which dimensions a match has is read from the facet
 * values it is counted by anyway, where Lucene's {@code DrillSideways} advances every selected
 * dimension's postings to every match, document by document: at a million documents this pass served 17 %
 * more filtered searches a second over HTTP (bench/RESULTS.md).
 */
final class FacetedHits implements CollectorManager<FacetedHits.Hits, FacetedHits.Result> {

  /**
   * The top hits; the hits' counts per ordinal of the facet field; per selected dimension (in the selection's
   * order) its near misses' counts; and each extra tally's counts of the hits.
   */
  record Result(TopFieldDocs top, int[] hitCounts, List<int[]> nearMissCounts, List<int[]> extraCounts) {}

  private final CollectorManager<Collector, TopFieldDocs> topHits;
  private final SortedSetDocValuesReaderState state;
  private final OrdinalMap ordinalMap;
  private final FacetSelection selection;
  private final OrdRange[] ranges;
  private final List<FacetTally> extras;

  /**
   * @param topHits the ranked window ({@link RelevanceTopHits} or Lucene's {@code TopFieldCollector}), counting
   *     every hit: it never terminates early, which would stop the counting too
   * @param state the facet field counted, which holds every selected dimension
   * @param extras other fields' tallies, of the hits only
   */
  @SuppressWarnings("unchecked") // reduce() is handed back the collectors newCollector() made
  FacetedHits(CollectorManager<? extends Collector, TopFieldDocs> topHits, SortedSetDocValuesReaderState state,
      FacetSelection selection, List<FacetTally> extras) throws IOException {
    this.topHits = (CollectorManager<Collector, TopFieldDocs>) topHits;
    this.state = state;
    this.ordinalMap = FacetTally.ordinalMap(state);
    this.selection = selection;
    this.ranges = selection.dims().stream().map(state::getOrdRange).toArray(OrdRange[]::new);
    this.extras = List.copyOf(extras);
  }

  @Override
  public Hits newCollector() throws IOException {
    List<FacetTally.Counter> counters = new ArrayList<>(extras.size());
    for (FacetTally t : extras) counters.add(t.newCollector());
    int size = state.getSize();
    int[][] nearMisses = new int[ranges.length][];
    for (int d = 0; d < ranges.length; d++) nearMisses[d] = new int[ranges[d] == null ? 0 : size];
    return new Hits(topHits.newCollector(), new int[size], nearMisses, counters);
  }

  @Override
  public Result reduce(Collection<Hits> collectors) throws IOException {
    List<Collector> tops = new ArrayList<>(collectors.size());
    int[] hitCounts = new int[state.getSize()];
    List<int[]> nearMisses = new ArrayList<>(ranges.length);
    for (int d = 0; d < ranges.length; d++) nearMisses.add(new int[state.getSize()]);
    for (Hits h : collectors) {
      tops.add(h.top);
      FacetTally.addTo(hitCounts, h.hitCounts);
      for (int d = 0; d < ranges.length; d++) FacetTally.addTo(nearMisses.get(d), h.nearMisses[d]);
    }
    List<int[]> extraCounts = new ArrayList<>(extras.size());
    for (int i = 0; i < extras.size(); i++) {
      List<FacetTally.Counter> counters = new ArrayList<>(collectors.size());
      for (Hits h : collectors) counters.add(h.counters.get(i));
      extraCounts.add(extras.get(i).reduce(counters));
    }
    return new Result(topHits.reduce(tops), hitCounts, nearMisses, extraCounts);
  }

  final class Hits implements Collector {
    private final Collector top;
    private final int[] hitCounts;
    private final int[][] nearMisses;
    private final List<FacetTally.Counter> counters;

    private Hits(Collector top, int[] hitCounts, int[][] nearMisses, List<FacetTally.Counter> counters) {
      this.top = top;
      this.hitCounts = hitCounts;
      this.nearMisses = nearMisses;
      this.counters = counters;
    }

    @Override
    public ScoreMode scoreMode() {
      return top.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
      LeafCollector[] extra = new LeafCollector[counters.size()];
      for (int i = 0; i < extra.length; i++) extra[i] = counters.get(i).getLeafCollector(leaf);
      LeafCollector ranked = top.getLeafCollector(leaf);
      String field = state.getField();
      SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), field);
      LongValues toGlobal = ordinalMap == null ? null : ordinalMap.getGlobalOrds(leaf.ord);
      if (selection.isEmpty()) return new AllHits(ranked, extra, values, toGlobal);
      // Looking the selected values up moves an iterator's terms: not the one that reads the documents.
      return new Sideways(ranked, extra, values, toGlobal, selection.in(DocValues.getSortedSet(leaf.reader(), field)));
    }

    /** Nothing selected: every match is a hit. */
    private class AllHits implements LeafCollector {
      final LeafCollector ranked;
      final LeafCollector[] extra;
      final SortedSetDocValues values;
      final LongValues toGlobal;

      AllHits(LeafCollector ranked, LeafCollector[] extra, SortedSetDocValues values, LongValues toGlobal) {
        this.ranked = ranked;
        this.extra = extra;
        this.values = values;
        this.toGlobal = toGlobal;
      }

      @Override
      public void setScorer(Scorable scorer) throws IOException {
        ranked.setScorer(scorer);
      }

      @Override
      public void collect(int doc) throws IOException {
        if (values.advanceExact(doc)) {
          int[] counts = hitCounts;
          for (int i = 0, n = values.docValueCount(); i < n; i++) counts[global(values.nextOrd())]++;
        }
        hit(doc);
      }

      final int global(long segmentOrd) {
        return toGlobal == null ? (int) segmentOrd : (int) toGlobal.get(segmentOrd);
      }

      final void hit(int doc) throws IOException {
        for (LeafCollector c : extra) c.collect(doc);
        ranked.collect(doc);
      }
    }

    /** Values selected: hits are ranked and counted; a near miss counts in the one dimension it misses. */
    private final class Sideways extends AllHits {
      final FacetSelection.Ordinals selected;
      long[] ords = new long[8];

      Sideways(LeafCollector ranked, LeafCollector[] extra, SortedSetDocValues values, LongValues toGlobal,
          FacetSelection.Ordinals selected) {
        super(ranked, extra, values, toGlobal);
        this.selected = selected;
      }

      @Override
      public void collect(int doc) throws IOException {
        int n = 0;
        if (values.advanceExact(doc)) {
          n = values.docValueCount();
          if (n > ords.length) ords = new long[ArrayUtil.oversize(n, Long.BYTES)];
          for (int i = 0; i < n; i++) ords[i] = values.nextOrd();
        }
        int missing = selected.missing(ords, n);
        if (missing == 0) {
          int[] counts = hitCounts;
          for (int i = 0; i < n; i++) counts[global(ords[i])]++;
          hit(doc);
        } else if ((missing & (missing - 1)) == 0) {
          int d = Integer.numberOfTrailingZeros(missing);
          OrdRange range = ranges[d];
          if (range == null) return;
          int[] counts = nearMisses[d];
          for (int i = 0; i < n; i++) {
            int ord = global(ords[i]);
            if (ord >= range.start() && ord <= range.end()) counts[ord]++;
          }
        }
      }
    }
  }
}
