package io.lede.bench;

import io.lede.Lede;
import io.lede.index.IndexHome;
import io.lede.index.Schema;
import io.lede.search.FacetCount;
import io.lede.search.RankingProfile;
import io.lede.search.SearchRequest;
import io.lede.search.SearchResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.StringHelper;

/**
 * Query benchmark: in-process latency of {@link Lede#search} over a query file, for
 *
 * <ul>
 *   <li><b>baseline</b> — a minimal Lucene program on the same documents (title+excerpt, AND, top 10, ids
 *       loaded), written with Lucene's default codec as such a program would: the reference the goals
 *       are stated against, measured in the same run;
 *   <li><b>baseline-facets</b> — the same plus a quality boost and facet counts of all dimensions;
 *   <li><b>plain</b> — Lede's query understanding and text ranking only: no facets, no business
 *       factors, no highlighting, no collapsing, no provider cap;
 *   <li><b>facets</b> — goal (a)'s facets+boost: facet counts (drill sideways) and the quality/heat/recency
 *       boosts, without highlighting or collapsing — what baseline-facets does, the Lede way;
 *   <li><b>full</b> — every default on: facets (drill sideways), quality/heat/recency boosts,
 *       highlighting, collapsing and the provider cap;
 *   <li><b>suggest</b> — autocompletion of each query's first three letters;
 * </ul>
 *
 * then queries/s of plain and full with several threads. Every query of the file is run once per
 * measured pass, after warm-up passes; latency is wall time per call. Run through bench/search.
 *
 * <p>Profiling aid: {@code -Dbench.only=VARIANT} times one variant alone and prints nothing else
 * ({@code -Dbench.slowest=N} adds its N slowest queries). Besides the variants above it knows the shapes
 * of two bench/http rows: <b>hits</b> (facets=false, highlight=false) and <b>filtered</b> (facets+boost:
 * the index's two biggest topics and biggest year selected, explain on; {@code -Dbench.timeLimitMs} as
 * the server sets it; {@code -Dbench.topics=A,B} and {@code -Dbench.years=Y} select other values).
 */
public final class SearchBench {

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SearchBench INDEX_HOME QUERIES_FILE [threads]");
      System.exit(2);
    }
    Path home = Path.of(args[0]);
    List<String> queries = Files.readAllLines(Path.of(args[1])).stream().map(String::strip).filter(q -> !q.isEmpty()).toList();
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int warmups = Integer.getInteger("bench.warmups", 3);
    int passes = Integer.getInteger("bench.passes", 3);
    int throughputSeconds = Integer.getInteger("bench.seconds", 15);

    try (Lede lede = Lede.open(home, 0)) { // no result cache: every pass searches, as the baseline does
      long docs = lede.stats().documents();
      System.out.printf(Locale.ROOT, "index %s generation=%s documents=%d queries=%d heap_max_mb=%d cores=%d java=%s%n",
          home, lede.generation(), docs, queries.size(), Runtime.getRuntime().maxMemory() >> 20,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

      RankingProfile textOnly = RankingProfile.TEXT_ONLY.toBuilder().diversityWindow(0).build();
      Consumer<String> plain = q -> lede.search(SearchRequest.builder().query(q).profile(textOnly)
          .facets(false).highlight(false).collapse(false).build());
      Consumer<String> facets = q -> lede.search(SearchRequest.builder().query(q).highlight(false).collapse(false).build());
      Consumer<String> full = q -> lede.search(SearchRequest.builder().query(q).build());
      // bench/http's "hits" row: ranked, boosted, collapsed hits without facets or highlights.
      Consumer<String> hits = q -> lede.search(SearchRequest.builder().query(q).facets(false).highlight(false).build());
      // bench/http's "facets+boost" row: every default, the index's two biggest topics and its biggest year
      // selected (drill sideways), and the score factors explained.
      Map<String, List<FacetCount>> all = lede.stats().facets();
      // Profiling aid: other selections (comma-separated), e.g. small values rather than the biggest.
      String[] bigTopics = System.getProperty("bench.topics") != null ? System.getProperty("bench.topics").split(",")
          : all.getOrDefault("topic", List.of()).stream().limit(2).map(FacetCount::value).toArray(String[]::new);
      String[] bigYear = System.getProperty("bench.years") != null ? System.getProperty("bench.years").split(",")
          : all.getOrDefault("year", List.of()).stream().limit(1).map(FacetCount::value).toArray(String[]::new);
      long limitMs = Long.getLong("bench.timeLimitMs", 0); // the server sets half its --search-timeout-ms
      Consumer<String> filtered = q -> lede.search(SearchRequest.builder().query(q).topic(bigTopics).year(bigYear)
          .explain(true).timeLimit(limitMs > 0 ? java.time.Duration.ofMillis(limitMs) : null).build());
      Consumer<String> suggest = q -> lede.suggest(q.replace("\"", "").substring(0, Math.min(3, q.replace("\"", "").length())), 8);

      String only = System.getProperty("bench.only", "");
      String skip = System.getProperty("bench.skip", "");
      if (!only.isEmpty()) { // profiling aid: loop over one variant for a while, print nothing else
        Consumer<String> run = switch (only) {
          case "plain" -> plain;
          case "facets" -> facets;
          case "suggest" -> suggest;
          case "hits" -> hits;
          case "filtered" -> filtered;
          default -> full;
        };
        System.out.println(latency(only, queries, run, warmups, passes).line());
        int slowest = Integer.getInteger("bench.slowest", 0);
        if (slowest > 0) {
          for (String line : slowest(queries, run, Math.max(passes, 5), slowest, q -> lede.search(SearchRequest.of(q)).total())) {
            System.out.println(line);
          }
        }
        return;
      }
      try (Baseline baseline = new Baseline(home)) {
        // Variants take turns, a whole pass over the queries each, several times over: a busy moment of
        // a shared machine lands on all of them alike, and each runs with its own data in the caches.
        List<Row> rows = latency(List.of("baseline", "baseline-facets", "plain", "facets", "full", "suggest"),
            List.of(baseline::plain, baseline::facets, plain, facets, full, suggest), queries, warmups, passes);
        for (Row r : rows) System.out.println(r.line());
        double basePlain = rows.get(0).p50;
        System.out.printf(Locale.ROOT, "ratio plain/baseline p50=%.2f  facets/baseline-facets p99=%.2f  full/baseline-facets p99=%.2f%n",
            rows.get(2).p50 / basePlain, rows.get(3).p99 / rows.get(1).p99, rows.get(4).p99 / rows.get(1).p99);

        double qpsPlain = throughput(queries, plain, threads, throughputSeconds);
        double qpsFull = throughput(queries, full, threads, throughputSeconds);
        System.out.printf(Locale.ROOT, "throughput threads=%d plain_qps=%.0f full_qps=%.0f%n", threads, qpsPlain, qpsFull);
        System.gc();
        System.out.printf(Locale.ROOT, "heap peak_mb=%d after_gc_mb=%d max_mb=%d%n", peakHeapBytes() >> 20,
            usedHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);

        SearchResponse sample = lede.search(SearchRequest.of(queries.get(0)));
        System.out.printf(Locale.ROOT, "sample q=\"%s\" total=%d hits=%d facets=%s%n", queries.get(0), sample.total(),
            sample.hits().size(), sample.facets().keySet());
        System.out.println();
        System.out.println("| variant | p50 ms | p95 ms | p99 ms | max ms | mean ms | CPU p50 ms | CPU p99 ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) System.out.println(r.markdown());
        System.out.printf(Locale.ROOT, "%nqueries/s with %d threads: plain %.0f, full %.0f; documents %d%n", threads, qpsPlain,
            qpsFull, docs);
      }
    }
  }

  /**
   * Latency percentiles of one variant: wall time, and the calling thread's CPU time, which a busy
   * shared machine disturbs far less (a query waiting for a core counts in the first, not the second).
   */
  record Row(String name, int samples, double p50, double p95, double p99, double max, double mean, double cpuP50,
      double cpuP99) {
    String line() {
      return String.format(Locale.ROOT,
          "%-16s samples=%d p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.2f mean_ms=%.3f cpu_p50_ms=%.3f cpu_p99_ms=%.3f",
          name, samples, p50, p95, p99, max, mean, cpuP50, cpuP99);
    }

    String markdown() {
      return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.2f | %.3f | %.3f | %.3f |", name, p50, p95, p99, max,
          mean, cpuP50, cpuP99);
    }
  }

  private static Row latency(String name, List<String> queries, Consumer<String> run, int warmups, int passes) {
    return latency(List.of(name), List.of(run), queries, warmups, passes).get(0);
  }

  private static List<Row> latency(List<String> names, List<Consumer<String>> runs, List<String> queries, int warmups,
      int passes) {
    int v = runs.size();
    for (int w = 0; w < warmups; w++) for (String q : queries) for (Consumer<String> run : runs) run.accept(q);
    long[][] nanos = new long[v][queries.size() * passes];
    long[][] cpu = new long[v][queries.size() * passes];
    var threadBean = ManagementFactory.getThreadMXBean();
    for (int p = 0; p < passes; p++) {
      for (int k = 0; k < v; k++) {
        int variant = (k + p) % v; // rotate which variant goes first
        for (int j = 0; j < queries.size(); j++) {
          long c = threadBean.getCurrentThreadCpuTime();
          long t = System.nanoTime();
          runs.get(variant).accept(queries.get(j));
          nanos[variant][p * queries.size() + j] = System.nanoTime() - t;
          cpu[variant][p * queries.size() + j] = threadBean.getCurrentThreadCpuTime() - c;
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < v; k++) {
      long[] n = nanos[k], c = cpu[k];
      Arrays.sort(n);
      Arrays.sort(c);
      double mean = Arrays.stream(n).average().orElse(0) / 1e6;
      rows.add(new Row(names.get(k), n.length, pct(n, 0.50), pct(n, 0.95), pct(n, 0.99), n[n.length - 1] / 1e6, mean,
          pct(c, 0.50), pct(c, 0.99)));
    }
    return rows;
  }

  /**
   * The {@code n} queries of the tail, each timed {@code passes} times and ranked by its fastest run
   * (a query slow only once met a busy machine, not a slow path), with its hit count.
   */
  private static List<String> slowest(List<String> queries, Consumer<String> run, int passes, int n,
      java.util.function.ToLongFunction<String> total) {
    record Timed(String query, long nanos) {}
    List<Timed> timed = new ArrayList<>();
    for (String q : queries) {
      long best = Long.MAX_VALUE;
      for (int p = 0; p < passes; p++) {
        long t = System.nanoTime();
        run.accept(q);
        best = Math.min(best, System.nanoTime() - t);
      }
      timed.add(new Timed(q, best));
    }
    timed.sort(java.util.Comparator.comparingLong(Timed::nanos).reversed());
    return timed.stream().limit(n)
        .map(t -> String.format(Locale.ROOT, "slow %.3f ms total=%d q=\"%s\"", t.nanos() / 1e6, total.applyAsLong(t.query()),
            t.query()))
        .toList();
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static double throughput(List<String> queries, Consumer<String> run, int threads, int seconds) throws Exception {
    AtomicLong done = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      workers.add(Thread.ofPlatform().start(() -> {
        while (System.nanoTime() < end) {
          run.accept(queries.get(Math.floorMod(next.getAndIncrement(), queries.size())));
          done.incrementAndGet();
        }
      }));
    }
    for (Thread w : workers) w.join();
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * The reference: what a minimal Lucene program does with the same index — classic query parser over
   * title and excerpt, all words required, top 10 by BM25, ids loaded; and with a quality boost and
   * facet counts (reader state built once, as Lede does).
   */
  static final class Baseline implements AutoCloseable {
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final DefaultSortedSetDocValuesReaderState state;
    private final ThreadLocal<MultiFieldQueryParser> parser = ThreadLocal.withInitial(() -> {
      MultiFieldQueryParser p = new MultiFieldQueryParser(new String[] {Schema.TITLE, Schema.EXCERPT}, new EnglishAnalyzer());
      p.setDefaultOperator(QueryParser.Operator.AND);
      return p;
    });

    Baseline(Path home) throws Exception {
      Path live = new IndexHome(home).liveDir().orElseThrow();
      reader = DirectoryReader.open(FSDirectory.open(withDefaultCodec(home, live)));
      searcher = new IndexSearcher(reader);
      state = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
    }

    /**
     * The same documents as a minimal program would have them: written with Lucene's default codec,
     * not Lede's (whose smaller stored-field blocks would make the reference faster than it is). Kept
     * beside the index home, outside it, and made again for any other commit (a rebuild into the same
     * folder is another commit: its id differs).
     */
    private static Path withDefaultCodec(Path home, Path live) throws Exception {
      Path copy = home.toAbsolutePath().resolveSibling(home.getFileName() + ".baseline");
      Path done = copy.resolve("lede-commit");
      String commit;
      try (FSDirectory dir = FSDirectory.open(live)) {
        commit = live.toAbsolutePath() + " " + StringHelper.idToString(SegmentInfos.readLatestCommit(dir).getId());
      }
      if (Files.isRegularFile(done) && Files.readString(done).equals(commit)) return copy;
      System.err.println("bench/search: copying " + live + " with Lucene's default codec for the baseline ...");
      try (DirectoryReader source = DirectoryReader.open(FSDirectory.open(live));
          FSDirectory target = FSDirectory.open(copy);
          IndexWriter writer = new IndexWriter(target, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
        CodecReader[] leaves = new CodecReader[source.leaves().size()];
        for (int i = 0; i < leaves.length; i++) leaves[i] = SlowCodecReaderWrapper.wrap(source.leaves().get(i).reader());
        writer.addIndexes(leaves); // one segment, like the merged generations the benchmarks run on
        writer.commit();
      }
      Files.writeString(done, commit);
      return copy;
    }

    private Query parse(String q) {
      try {
        return parser.get().parse(q);
      } catch (Exception e) {
        try {
          return parser.get().parse(QueryParser.escape(q));
        } catch (Exception again) {
          return new MatchAllDocsQuery();
        }
      }
    }

    void plain(String q) {
      try {
        TopDocs top = searcher.search(parse(q), 10);
        load(top);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    }

    void facets(String q) {
      try {
        Query boosted = FunctionScoreQuery.boostByValue(parse(q), new QualityBoost());
        var result = searcher.search(boosted, new MultiCollectorManager(new TopScoreDocCollectorManager(10, 1000),
            new FacetsCollectorManager()));
        load((TopDocs) result[0]);
        var counts = new SortedSetDocValuesFacetCounts(state, (FacetsCollector) result[1]);
        counts.getAllDims(10);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    }

    private void load(TopDocs top) throws Exception {
      var stored = searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) stored.document(sd.doc, Set.of(Schema.ID));
    }

    @Override
    public void close() throws Exception {
      reader.close();
    }
  }

  /** 1 + quality/200, never below 1: a boost a minimal program would write. */
  static final class QualityBoost extends DoubleValuesSource {
    private final DoubleValuesSource quality = DoubleValuesSource.fromLongField(Schema.QUALITY);

    @Override
    public org.apache.lucene.search.DoubleValues getValues(org.apache.lucene.index.LeafReaderContext ctx,
        org.apache.lucene.search.DoubleValues scores) throws java.io.IOException {
      var q = quality.getValues(ctx, scores);
      return new org.apache.lucene.search.DoubleValues() {
        private double value;

        @Override
        public double doubleValue() {
          return value;
        }

        @Override
        public boolean advanceExact(int doc) throws java.io.IOException {
          value = q.advanceExact(doc) ? 1 + Math.max(0, q.doubleValue()) / 200.0 : 1;
          return true;
        }
      };
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
    public boolean isCacheable(org.apache.lucene.index.LeafReaderContext ctx) {
      return true;
    }

    @Override
    public int hashCode() {
      return 1;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof QualityBoost;
    }

    @Override
    public String toString() {
      return "qualityBoost";
    }
  }
}
