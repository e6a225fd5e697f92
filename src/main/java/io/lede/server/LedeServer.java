package io.lede.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.lede.Lede;
import java.time.Clock;

/**
 * Builds the Lede HTTP server: JSON API, metrics, OpenAPI document and the browser UI. Returns the
 * {@link Javalin} app unstarted, so a caller (the serve command, a test) starts and stops it.
 *
 * <p>Controllers only translate between HTTP and the {@link SearchService}; index work runs on a bounded
 * pool with a time limit ({@link QueryRunner}); a background refresher follows new index generations.
 * The caller owns the {@link Lede} and closes it after stopping the server.
 */
public final class LedeServer {

  private LedeServer() {}

  public static Javalin create(Lede lede, ServerConfig config) {
    return create(SearchService.of(lede), config);
  }

  public static Javalin create(SearchService service, ServerConfig config) {
    ObjectMapper mapper = JsonMapping.mapper();
    IndexRefresher refresher = new IndexRefresher(service, config.refreshInterval(), Clock.systemUTC());
    ServerMetrics metrics = new ServerMetrics(refresher::snapshot, service::resultCache);
    QueryRunner runner = new QueryRunner(config.searchThreads(), config.queueCapacity(), config.searchTimeout(),
        metrics::recordTimeout, metrics::recordRejection);
    SearchController search = new SearchController(service, runner, config.searchTimeout(), new AnswerJson(mapper));
    ItemController items = new ItemController(service, runner);
    StatusController status = new StatusController(service, runner, refresher, metrics);
    String openApi = OpenApiDocument.render(mapper, config);

    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.jetty.host = config.host();
      cfg.jetty.port = config.port();
      cfg.jsonMapper(new JavalinJackson(mapper, false));
      cfg.http.compressionStrategy = CompressionStrategy.GZIP;
      config.webDir().ifPresent(dir -> WebHeaders.installUi(cfg, dir));
      cfg.requestLogger.http((ctx, ms) -> metrics.recordRequest(routeOf(ctx), ctx.method().name(), ctx.statusCode(), ms / 1000.0));
      cfg.events.serverStarting(refresher::start);
      cfg.events.serverStopping(refresher::close);
      cfg.events.serverStopped(runner::close);

      ErrorMapping.install(cfg.routes);
      cfg.routes.before(ctx -> {
        RequestIds.assign(ctx);
        WebHeaders.apply(ctx);
      });
      cfg.routes.after(WebHeaders::afterStatic);
      cfg.routes.get("/api/search", search::search);
      cfg.routes.get("/api/suggest", search::suggest);
      cfg.routes.get("/api/items/{id}", items::item);
      cfg.routes.get("/api/items/{id}/similar", items::similar);
      cfg.routes.get("/api/health", status::health);
      cfg.routes.get("/api/stats", status::stats);
      cfg.routes.get("/metrics", status::metrics);
      cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
      config.adminKey().ifPresent(key -> {
        AdminController admin = new AdminController(key, refresher);
        cfg.routes.before("/api/admin/*", admin::requireKey);
        cfg.routes.post("/api/admin/reload", admin::reload);
      });
    });
  }

  /** The route template ("/api/items/{id}"), so metrics do not grow a label per item id. */
  private static String routeOf(Context ctx) {
    Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
    if (endpoint != null && endpoint.method.isHttpMethod()) return endpoint.path;
    return ctx.path().startsWith("/api/") ? "unmatched" : "static";
  }
}
