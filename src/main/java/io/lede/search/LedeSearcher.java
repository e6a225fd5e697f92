package io.lede.search;

import io.lede.index.Schema;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.util.NumericUtils;

/**
 * An {@link IndexSearcher} with the per-reader state Lede's searches need, built once when the
 * searcher is opened (at startup and after each refresh) and shared by every request on it: the
 * facet ordinals of all segments, the months' runs of documents, the date recency is measured from, the
 * default ranking signals of every document, and which optional fields the index has.
 */
public final class LedeSearcher extends IndexSearcher {

  private final FacetsConfig facetsConfig = Schema.facetsConfig();
  private final SortedSetDocValuesReaderState facetState;
  private final SortedSetDocValuesReaderState rareFacetState;
  private final DocRuns monthRuns;
  private final long newestMillis;
  private final long recencyOriginMillis;
  private final RankingSignals defaultSignals;
  /** Counted on first request; a benign race may count twice, never wrongly. */
  private volatile LedeStats stats;
  private final boolean hasSuggestField;
  private final boolean hasIdKey;
  private final Set<String> facetDims;

  private final ResultCache results;

  private LedeSearcher(IndexReader reader, ResultCache results) throws IOException {
    super(reader);
    this.results = results;
    FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
    facetState = state(reader, fields, Schema.FACET_FIELD);
    rareFacetState = state(reader, fields, Schema.FACET_FIELD_RARE);
    Set<String> dims = new HashSet<>();
    if (facetState != null) for (String dim : facetState.getDims()) dims.add(dim);
    if (rareFacetState != null) for (String dim : rareFacetState.getDims()) dims.add(dim);
    facetDims = Set.copyOf(dims);
    monthRuns = DocRuns.of(reader, rareFacetState, Schema.FACET_MONTH);
    newestMillis = newest(reader);
    long now = Instant.now().toEpochMilli();
    recencyOriginMillis = newestMillis == Long.MIN_VALUE ? now : Math.min(newestMillis, now + 86_400_000L);
    defaultSignals = RankingSignals.precompute(RankingProfile.DEFAULT, recencyOriginMillis, reader);
    hasSuggestField = fields.fieldInfo(Schema.TITLE_SUGGEST) != null;
    hasIdKey = fields.fieldInfo(Schema.ID_KEY) != null || reader.numDocs() == 0;
  }

  /** Builds {@link LedeSearcher}s for a {@code SearcherManager}, without a result cache. */
  public static SearcherFactory factory() {
    return factory(0, new ResultCache.Counters());
  }

  /** Builds {@link LedeSearcher}s for a {@code SearcherManager}, each with a result cache of up to {@code cacheEntries} answers. */
  public static SearcherFactory factory(int cacheEntries, ResultCache.Counters counters) {
    ResultCache.checkSize(cacheEntries); // now, not at the first searcher
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
        return new LedeSearcher(reader, new ResultCache(cacheEntries, counters));
      }
    };
  }

  /** Wraps a reader directly (tests, benchmarks); a live index gets its searchers from {@link #factory()}. */
  public static LedeSearcher of(IndexReader reader) throws IOException {
    return new LedeSearcher(reader, new ResultCache(0, new ResultCache.Counters()));
  }

  /** The answers this searcher has given. */
  public ResultCache results() {
    return results;
  }

  private SortedSetDocValuesReaderState state(IndexReader reader, FieldInfos fields, String field) throws IOException {
    return fields.fieldInfo(field) == null ? null : new DefaultSortedSetDocValuesReaderState(reader, field, facetsConfig);
  }

  /** Ordinals of the dimensions every search counts; null when the index holds no documents. */
  SortedSetDocValuesReaderState facetState() {
    return facetState;
  }

  /** Ordinals of the rarely counted dimensions (month, published); null when no document has one. */
  SortedSetDocValuesReaderState rareFacetState() {
    return rareFacetState;
  }

  /** The months' runs of documents (an index kept newest first has them); null when no segment has. */
  DocRuns monthRuns() {
    return monthRuns;
  }

  /** Facet dimensions some document of this reader has; asking Lucene to count another one fails. */
  boolean hasFacet(String dim) {
    return facetDims.contains(dim);
  }

  FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /**
   * Where recency is measured from: the newest publication date in the index, but never later than
   * a day from now (a story dated in the future must not make everything else look old).
   */
  long recencyOriginMillis() {
    return recencyOriginMillis;
  }

  /** The ranking signals of {@code profile}, precomputed for every document when it is the default one. */
  RankingSignals signals(RankingProfile profile) {
    long origin = profile.recencyOrigin().map(Instant::toEpochMilli).orElse(recencyOriginMillis);
    return new RankingSignals(profile, origin).orPrecomputed(defaultSignals);
  }

  LedeStats cachedStats() {
    return stats;
  }

  void cacheStats(LedeStats stats) {
    this.stats = stats;
  }

  /** True when hits can be ordered by the numeric {@link Schema#ID_KEY} (older generations lack it). */
  boolean hasIdKey() {
    return hasIdKey;
  }

  /** True when the index was built with the autocompletion field (older generations lack it). */
  boolean hasSuggestField() {
    return hasSuggestField;
  }

  private static long newest(IndexReader reader) throws IOException {
    byte[] max = PointValues.getMaxPackedValue(reader, Schema.PUBLISHED_AT);
    return max == null ? Long.MIN_VALUE : NumericUtils.sortableBytesToLong(max, 0);
  }
}
