package io.lede.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Headers every answer carries (security, caching) and the static browser UI.
 *
 * <p>Caching: API answers are never stored (they change with every new index generation); the UI's
 * assets may be kept for five minutes and are revalidated by ETag after that; index.html is always
 * revalidated, so a new UI release reaches readers on their next visit.
 */
final class WebHeaders {
  /** The same policy the UI declares in its own meta tag: nothing inline, images from anywhere https. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' https: http: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";
  static final String ASSET_CACHE = "public, max-age=300";

  private WebHeaders() {}

  static void installUi(JavalinConfig config, Path webDir) {
    if (!Files.isRegularFile(webDir.resolve("index.html"))) {
      throw new IllegalArgumentException("no index.html in the web folder " + webDir.toAbsolutePath());
    }
    config.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = webDir.toAbsolutePath().toString();
      files.location = Location.EXTERNAL;
      files.headers = Map.of("Cache-Control", ASSET_CACHE);
    });
  }

  /** Runs before every request, static files included. */
  static void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Frame-Options", "DENY");
    String path = ctx.path();
    if (path.startsWith("/api/") || path.equals("/metrics")) ctx.header("Cache-Control", "no-store");
  }

  /** The static handler stamps every file with the asset policy; the page itself must always revalidate. */
  static void afterStatic(Context ctx) {
    String path = ctx.path();
    if (path.equals("/") || path.endsWith(".html")) ctx.header("Cache-Control", "no-cache");
  }
}
