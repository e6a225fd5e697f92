package io.lede.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.lede.search.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers. Every error body is
 * {@code {"status":…,"error":"…"}}: a 400 also names the parameter, a 500 carries only a request id.
 * Stack traces go to the server log, never to the client.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void install(RoutesConfig routes) {
    routes.exception(InvalidRequestException.class, (e, ctx) ->
        respond(ctx, new ApiError(400, e.getMessage(), e.parameter(), null)));
    routes.exception(ServiceUnavailableException.class, (e, ctx) -> {
      ctx.header("Retry-After", "1");
      respond(ctx, ApiError.of(503, e.getMessage()));
    });
    // Javalin's own answers (unknown route 404, controllers' NotFoundResponse, auth 401/403): our shape.
    routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, ApiError.of(e.getStatus(), e.getMessage())));
    routes.exception(Exception.class, (e, ctx) -> {
      String id = RequestIds.of(ctx);
      LOG.error("request {} ({} {}) failed", id, ctx.method(), ctx.path(), e);
      respond(ctx, new ApiError(500, "internal error; the server log has the details under request id " + id, null, id));
    });
  }

  private static void respond(Context ctx, ApiError error) {
    ctx.status(error.status()).json(error);
  }
}
