package io.lede.search;

import io.lede.index.Schema;
import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The best hits by relevance, counting every hit: what Lucene's {@code TopFieldCollector} returns for
 * {@link SortSpec}'s relevance sort (score, highest first, then the story id key) without its machinery
 * around every hit (score caching, comparator objects, early-termination checks), which was 8.7 % of a
 * default search at a million documents, where facets make every match a hit. A hit that cannot beat
 * the current worst of the window costs one score and one comparison; the id key is read only to break
 * a tie or to enter the window.
 */
final class RelevanceTopHits implements CollectorManager<RelevanceTopHits.Top, TopFieldDocs> {

  private static final Sort SORT = SortSpec.of(SortOrder.RELEVANCE, true);

  private final int size;

  RelevanceTopHits(int size) {
    if (size < 1) throw new IllegalArgumentException("size must be at least 1: " + size);
    this.size = size;
  }

  /** Whether it ranks as {@link SortSpec#of} does for this order and index, from the first hit on. */
  static boolean fits(SortOrder order, boolean numericId, SearchCursor cursor) {
    return order == SortOrder.RELEVANCE && numericId && cursor == null;
  }

  @Override
  public Top newCollector() {
    return new Top(size);
  }

  @Override
  public TopFieldDocs reduce(Collection<Top> collectors) throws IOException {
    TopFieldDocs[] parts = new TopFieldDocs[collectors.size()];
    int i = 0;
    for (Top t : collectors) parts[i++] = t.topDocs();
    return parts.length == 1 ? parts[0] : TopDocs.merge(SORT, size, parts);
  }

  /**
   * A window of the best hits seen, as a heap whose root is the worst of them: lower score, or equal score
   * and higher id key, or equal both and later document (a later document never displaces an equal one).
   */
  static final class Top implements Collector {
    private final float[] scores;
    private final long[] keys;
    private final int[] docs;
    private int count;
    private long total;

    private Top(int size) {
      scores = new float[size];
      keys = new long[size];
      docs = new int[size];
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
      int base = leaf.docBase;
      NumericDocValues ids = DocValues.getNumeric(leaf.reader(), Schema.ID_KEY);
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          total++;
          float score = scorer.score();
          if (count < scores.length) {
            add(score, key(doc), base + doc);
            return;
          }
          int c = Float.compare(score, scores[0]);
          if (c < 0) return;
          long key = key(doc);
          if (c == 0 && key >= keys[0]) return; // an equal key: this later document loses, as in Lucene
          scores[0] = score;
          keys[0] = key;
          docs[0] = base + doc;
          siftDown(0);
        }

        /** As Lucene's long comparator: a document without a key sorts as 0. */
        private long key(int doc) throws IOException {
          return ids.advanceExact(doc) ? ids.longValue() : 0L;
        }
      };
    }

    private void add(float score, long key, int doc) {
      int i = count++;
      scores[i] = score;
      keys[i] = key;
      docs[i] = doc;
      while (i > 0) { // sift up: the worse of the two goes to the root side
        int parent = (i - 1) >>> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    }

    private void siftDown(int i) {
      while (true) {
        int child = 2 * i + 1;
        if (child >= count) return;
        if (child + 1 < count && worse(child + 1, child)) child++;
        if (!worse(child, i)) return;
        swap(i, child);
        i = child;
      }
    }

    private boolean worse(int a, int b) {
      int c = Float.compare(scores[a], scores[b]);
      if (c != 0) return c < 0;
      if (keys[a] != keys[b]) return keys[a] > keys[b];
      return docs[a] > docs[b];
    }

    private void swap(int a, int b) {
      float s = scores[a];
      scores[a] = scores[b];
      scores[b] = s;
      long k = keys[a];
      keys[a] = keys[b];
      keys[b] = k;
      int d = docs[a];
      docs[a] = docs[b];
      docs[b] = d;
    }

    /** The window, best first, as {@code TopFieldCollector} gives it: sort values Float score, Long key. */
    TopFieldDocs topDocs() {
      int n = count;
      FieldDoc[] out = new FieldDoc[n];
      // Take the worst off the heap one at a time, filling from the back.
      for (int i = n - 1; i >= 0; i--) {
        out[i] = new FieldDoc(docs[0], Float.NaN, new Object[] {scores[0], keys[0]});
        count--;
        if (count > 0) {
          scores[0] = scores[count];
          keys[0] = keys[count];
          docs[0] = docs[count];
          siftDown(0);
        }
      }
      return new TopFieldDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), out, SORT.getSort());
    }
  }
}
