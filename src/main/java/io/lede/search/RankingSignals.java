package io.lede.search;

import io.lede.index.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;

/**
 * The business part of a hit's score, {@code quality × heat × recency}, read from the numeric doc
 * values of each document. Wrapped around the text query by {@link SignalBoostQuery} (Lucene's
 * {@code FunctionScoreQuery.boostByValue} with a known bound), so Lucene multiplies it into the score
 * while collecting; nothing is re-scored afterwards.
 */
final class RankingSignals extends DoubleValuesSource {

  /** The three factors of one document. */
  record Factors(double quality, double heat, double recency) {
    double product() {
      return quality * heat * recency;
    }
  }

  private final RankingProfile profile;
  private final long originMillis;
  /**
   * Products already computed for every document, per leaf; null to compute them as documents come.
   * Floats, not doubles: a query visits these in doc order but sparsely, so most reads miss the CPU's
   * caches, and half the bytes means half the misses; a score is a float anyway.
   */
  private final float[][] precomputed;

  RankingSignals(RankingProfile profile, long originMillis) {
    this(profile, originMillis, null);
  }

  private RankingSignals(RankingProfile profile, long originMillis, float[][] precomputed) {
    this.profile = profile;
    this.originMillis = originMillis;
    this.precomputed = precomputed;
  }

  /**
   * The product for every document of {@code reader}, computed once (a searcher does this for the
   * default profile when it opens): scoring then reads one array slot instead of three doc values and a
   * power per match. The values {@link #getValues} would compute, to a float's precision.
   */
  static RankingSignals precompute(RankingProfile profile, long originMillis, org.apache.lucene.index.IndexReader reader)
      throws IOException {
    RankingSignals plain = new RankingSignals(profile, originMillis);
    List<LeafReaderContext> leaves = reader.leaves();
    float[][] products = new float[leaves.size()][];
    for (LeafReaderContext leaf : leaves) {
      Reader r = plain.new Reader(leaf);
      float[] p = new float[leaf.reader().maxDoc()];
      for (int doc = 0; doc < p.length; doc++) p[doc] = (float) r.factors(doc).product();
      products[leaf.ord] = p;
    }
    return new RankingSignals(profile, originMillis, products);
  }

  /** These signals, or the precomputed ones when they are the same. */
  RankingSignals orPrecomputed(RankingSignals cached) {
    return cached != null && cached.profile.equals(profile) && cached.originMillis == originMillis ? cached : this;
  }

  /** The factors of document {@code doc} of {@code leaf} (a leaf-relative id). */
  Factors factors(LeafReaderContext leaf, int doc) throws IOException {
    Reader r = new Reader(leaf);
    return r.factors(doc);
  }

  /** The product document {@code doc} of {@code leaf} is scored with (a leaf-relative id). */
  double product(LeafReaderContext leaf, int doc) throws IOException {
    float[] products = precomputed(leaf);
    return products != null ? products[doc] : factors(leaf, doc).product();
  }

  /** The products computed for {@code ctx} when the searcher opened; null when they were not. */
  private float[] precomputed(LeafReaderContext ctx) {
    boolean kept = precomputed != null && ctx.ord < precomputed.length && precomputed[ctx.ord].length == ctx.reader().maxDoc();
    return kept ? precomputed[ctx.ord] : null;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    float[] products = precomputed(ctx);
    if (products != null) {
      return new DoubleValues() {
        private int doc = -1;

        @Override
        public double doubleValue() {
          return products[doc];
        }

        @Override
        public boolean advanceExact(int target) {
          doc = target;
          return true;
        }
      };
    }
    Reader reader = new Reader(ctx);
    return new DoubleValues() {
      private int doc = -1;

      @Override
      public double doubleValue() throws IOException {
        return reader.factors(doc).product();
      }

      @Override
      public boolean advanceExact(int target) {
        doc = target;
        return true;
      }
    };
  }

  /** Reads the three doc-values fields of one leaf; documents must be asked for in increasing order. */
  private final class Reader {
    private final NumericDocValues quality;
    private final NumericDocValues heat;
    private final NumericDocValues published;

    Reader(LeafReaderContext ctx) throws IOException {
      quality = DocValues.getNumeric(ctx.reader(), Schema.QUALITY);
      heat = DocValues.getNumeric(ctx.reader(), Schema.HEAT);
      published = DocValues.getNumeric(ctx.reader(), Schema.PUBLISHED_AT);
    }

    Factors factors(int doc) throws IOException {
      long q = quality.advanceExact(doc) ? quality.longValue() : -1;
      long h = heat.advanceExact(doc) ? heat.longValue() : -1;
      Long at = published.advanceExact(doc) ? published.longValue() : null;
      return new Factors(profile.qualityFactor(q), profile.heatFactor(h), profile.recencyFactor(at, originMillis));
    }
  }

  @Override
  public Explanation explain(LeafReaderContext ctx, int docId, Explanation scoreExplanation) throws IOException {
    Factors f = factors(ctx, docId);
    return Explanation.match(f.product(), "quality × heat × recency",
        Explanation.match(f.quality(), "quality factor"),
        Explanation.match(f.heat(), "heat factor"),
        Explanation.match(f.recency(), "recency factor"));
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, Schema.QUALITY, Schema.HEAT, Schema.PUBLISHED_AT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RankingSignals s && s.profile.equals(profile) && s.originMillis == originMillis;
  }

  @Override
  public int hashCode() {
    return Objects.hash(profile, originMillis);
  }

  @Override
  public String toString() {
    return "signals(" + profile + ", origin=" + originMillis + ")";
  }
}
