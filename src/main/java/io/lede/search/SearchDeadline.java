package io.lede.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * The time limit of one search, enforced where its hits are collected: past it, collecting stops (the
 * rest of each segment is skipped, as Lucene's early termination does) and the search answers with what
 * it found, marked partial. Checked in the collector rather than with {@code IndexSearcher#setTimeout}:
 * that one belongs to the searcher all requests share, and drill-sideways scoring refuses it.
 */
final class SearchDeadline {

  /** Collected documents between two looks at the clock (a look costs about as much as collecting one). */
  private static final int CHECK_EVERY = 64;

  private static final SearchDeadline NONE = new SearchDeadline(0, false);

  private final long deadlineNanos;
  private final boolean limited;
  private volatile boolean reached;

  private SearchDeadline(long deadlineNanos, boolean limited) {
    this.deadlineNanos = deadlineNanos;
    this.limited = limited;
  }

  /** A deadline {@code limit} from now; none when empty. */
  static SearchDeadline of(Optional<Duration> limit) {
    if (limit.isEmpty()) return NONE;
    long nanos;
    try {
      nanos = limit.get().toNanos();
    } catch (ArithmeticException e) {
      return NONE; // longer than a JVM's clock can count: no limit in practice
    }
    return new SearchDeadline(System.nanoTime() + nanos, true);
  }

  /** True once collecting was stopped: some matches were never looked at. */
  boolean reached() {
    return reached;
  }

  private void check() {
    if (System.nanoTime() - deadlineNanos >= 0) {
      reached = true;
      throw new CollectionTerminatedException();
    }
  }

  /** {@code manager}, its collectors stopping at this deadline. */
  <C extends Collector, T> CollectorManager<?, T> guard(CollectorManager<C, T> manager) {
    if (!limited) return manager;
    return new CollectorManager<Guarded<C>, T>() {
      @Override
      public Guarded<C> newCollector() throws IOException {
        return new Guarded<>(manager.newCollector());
      }

      @Override
      public T reduce(Collection<Guarded<C>> collectors) throws IOException {
        List<C> inner = new ArrayList<>(collectors.size());
        for (Guarded<C> g : collectors) inner.add(g.in);
        return manager.reduce(inner);
      }
    };
  }

  private final class Guarded<C extends Collector> implements Collector {
    final C in;

    Guarded(C in) {
      this.in = in;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      check();
      LeafCollector leaf = in.getLeafCollector(context);
      return new LeafCollector() {
        private int untilCheck = CHECK_EVERY;

        @Override
        public void setScorer(Scorable scorer) throws IOException {
          leaf.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          if (--untilCheck == 0) {
            untilCheck = CHECK_EVERY;
            check();
          }
          leaf.collect(doc);
        }

        // Bulk deliveries go through whole, so collectors that count a range or a stream at once still do.
        @Override
        public void collect(DocIdStream stream) throws IOException {
          check();
          leaf.collect(stream);
        }

        @Override
        public void collectRange(int min, int max) throws IOException {
          check();
          leaf.collectRange(min, max);
        }

        @Override
        public DocIdSetIterator competitiveIterator() throws IOException {
          return leaf.competitiveIterator();
        }

        @Override
        public void finish() throws IOException {
          leaf.finish();
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return in.scoreMode();
    }

    @Override
    public void setWeight(org.apache.lucene.search.Weight weight) {
      in.setWeight(weight);
    }
  }
}
