package io.lede.server;

import io.javalin.http.Context;

/** {@code GET /api/health}, {@code GET /api/stats} and {@code GET /metrics}. */
final class StatusController {

  /** The body of {@code /api/health}; {@code generation} is null when no index is open. */
  record Health(String status, String generation, long documents) {}

  private final SearchService service;
  private final QueryRunner runner;
  private final IndexRefresher refresher;
  private final ServerMetrics metrics;

  StatusController(SearchService service, QueryRunner runner, IndexRefresher refresher, ServerMetrics metrics) {
    this.service = service;
    this.runner = runner;
    this.refresher = refresher;
    this.metrics = metrics;
  }

  /** Cheap by design (load balancers call it often): reads the live generation and the cached count. */
  void health(Context ctx) {
    String generation;
    try {
      generation = service.generation();
    } catch (RuntimeException e) {
      generation = "";
    }
    if (generation == null || generation.isEmpty()) {
      ctx.status(503).json(new Health("unavailable", null, 0));
      return;
    }
    IndexSnapshot snapshot = refresher.snapshot();
    long documents = snapshot.generation().equals(generation) ? snapshot.documents() : 0;
    ctx.json(new Health("ok", generation, documents));
  }

  void stats(Context ctx) {
    ctx.json(runner.call(service::stats));
  }

  void metrics(Context ctx) {
    ctx.contentType(metrics.contentType()).result(metrics.scrape());
  }
}
