package io.lede.server;

import io.lede.search.ResultCache;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The server's Prometheus metrics, on a registry of its own (no global state, so two servers in one JVM,
 * as in the tests, do not count into each other).
 */
final class ServerMetrics {

  /** Seconds; spans a cached term lookup to a request at the time limit. */
  private static final double[] LATENCY_BUCKETS =
      {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Counter requests;
  private final Histogram latency;
  private final Counter timeouts;
  private final Counter rejections;

  ServerMetrics(Supplier<IndexSnapshot> index, Supplier<ResultCache.Counters> cache) {
    requests = Counter.builder()
        .name("lede_http_requests_total")
        .help("HTTP requests answered, by route, method and status code")
        .labelNames("route", "method", "status")
        .register(registry);
    latency = Histogram.builder()
        .name("lede_http_request_duration_seconds")
        .help("Time to answer an HTTP request, by route and method")
        .labelNames("route", "method")
        .classicOnly()
        .classicUpperBounds(LATENCY_BUCKETS)
        .register(registry);
    timeouts = Counter.builder()
        .name("lede_search_timeouts_total")
        .help("Index requests cut off by the time limit and answered 503")
        .register(registry);
    rejections = Counter.builder()
        .name("lede_search_rejections_total")
        .help("Index requests refused at once because every query thread was busy and the queue full (503)")
        .register(registry);
    CounterWithCallback.builder()
        .name("lede_result_cache_hits_total")
        .help("Searches answered from the result cache")
        .callback(cb -> cb.call(cache.get().hits()))
        .register(registry);
    CounterWithCallback.builder()
        .name("lede_result_cache_misses_total")
        .help("Searches the result cache did not hold (searched, then kept)")
        .callback(cb -> cb.call(cache.get().misses()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("lede_index_documents")
        .help("Documents in the live index generation")
        .callback(cb -> cb.call(index.get().documents()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("lede_index_generation")
        .help("Number of the live index generation (0 when none is open)")
        .callback(cb -> cb.call(generationNumber(index.get().generation())))
        .register(registry);
    GaugeWithCallback.builder()
        .name("lede_index_last_rebuild_timestamp_seconds")
        .help("When the live generation was built, in Unix seconds (0 when unknown)")
        .callback(cb -> cb.call(index.get().builtAt().map(t -> t.toEpochMilli() / 1000.0).orElse(0.0)))
        .register(registry);
    GaugeWithCallback.builder()
        .name("lede_index_last_check_timestamp_seconds")
        .help("When the server last checked for a new index generation, in Unix seconds")
        .callback(cb -> cb.call(index.get().checkedAt().toEpochMilli() / 1000.0))
        .register(registry);
  }

  void recordRequest(String route, String method, int status, double seconds) {
    requests.labelValues(route, method, Integer.toString(status)).inc();
    latency.labelValues(route, method).observe(seconds);
  }

  void recordTimeout() {
    timeouts.inc();
  }

  void recordRejection() {
    rejections.inc();
  }

  String contentType() {
    return writer.getContentType();
  }

  /** The current values in the Prometheus text format. */
  String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static double generationNumber(String generation) {
    try {
      return generation.isEmpty() ? 0 : Integer.parseInt(generation);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
