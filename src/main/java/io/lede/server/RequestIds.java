package io.lede.server;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Gives every request an id, echoed in {@code X-Request-Id}, so a 500 the client sees can be found in the log. */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = "lede.requestId";

  private RequestIds() {}

  static void assign(Context ctx) {
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id != null ? id : "unknown";
  }
}
