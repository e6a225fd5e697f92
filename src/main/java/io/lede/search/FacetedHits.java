package io.lede.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * One pass over every match of a faceted search: its facet tallies, then its top hits. What
 * {@code MultiCollector} does for them, without its wrappers around every hit and the scorer (only the top
 * hits want scores): at 1M documents a default search's mean 1.28 - 1.32 -> 1.17 ms.
 */
final class FacetedHits implements CollectorManager<FacetedHits.Hits, FacetedHits.Result> {

  /** The top hits and each tally's counts, in the order the tallies were given. */
  record Result(TopFieldDocs top, List<int[]> counts) {}

  private final TopFieldCollectorManager topHits;
  private final List<FacetTally> tallies;

  /**
   * @param topHits the ranked window, counting every match: it never terminates early, which would stop the
   *     tallies too
   * @param tallies counted before the hits see a document (so a hits tally marks it first)
   */
  FacetedHits(TopFieldCollectorManager topHits, List<FacetTally> tallies) {
    this.topHits = topHits;
    this.tallies = List.copyOf(tallies);
  }

  @Override
  public Hits newCollector() throws IOException {
    List<FacetTally.Counter> counters = new ArrayList<>(tallies.size());
    for (FacetTally t : tallies) counters.add(t.newCollector());
    return new Hits(topHits.newCollector(), counters);
  }

  @Override
  public Result reduce(Collection<Hits> collectors) throws IOException {
    List<TopFieldCollector> tops = new ArrayList<>(collectors.size());
    for (Hits h : collectors) tops.add(h.top);
    List<int[]> counts = new ArrayList<>(tallies.size());
    for (int i = 0; i < tallies.size(); i++) {
      List<FacetTally.Counter> counters = new ArrayList<>(collectors.size());
      for (Hits h : collectors) counters.add(h.counters.get(i));
      counts.add(tallies.get(i).reduce(counters));
    }
    return new Result(topHits.reduce(tops), counts);
  }

  static final class Hits implements Collector {
    private final TopFieldCollector top;
    private final List<FacetTally.Counter> counters;

    private Hits(TopFieldCollector top, List<FacetTally.Counter> counters) {
      this.top = top;
      this.counters = counters;
    }

    @Override
    public ScoreMode scoreMode() {
      return top.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
      LeafCollector[] counts = new LeafCollector[counters.size()];
      for (int i = 0; i < counts.length; i++) counts[i] = counters.get(i).getLeafCollector(leaf);
      LeafCollector ranked = top.getLeafCollector(leaf);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          ranked.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          for (LeafCollector c : counts) c.collect(doc);
          ranked.collect(doc);
        }
      };
    }
  }
}
