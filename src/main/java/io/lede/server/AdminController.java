package io.lede.server;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code POST /api/admin/reload}: switch to the newest published generation now rather than at the next
 * periodic check. Registered only when an admin key is configured; every call must present it in
 * {@code X-Admin-Key}.
 */
final class AdminController {
  static final String KEY_HEADER = "X-Admin-Key";

  /** The body of a reload. */
  record ReloadResult(String status, String previousGeneration, String generation, long documents) {}

  private final byte[] keyDigest;
  private final IndexRefresher refresher;

  AdminController(String adminKey, IndexRefresher refresher) {
    this.keyDigest = sha256(adminKey);
    this.refresher = refresher;
  }

  void requireKey(Context ctx) {
    String given = ctx.header(KEY_HEADER);
    if (given == null || given.isEmpty()) throw new UnauthorizedResponse("this route needs the " + KEY_HEADER + " header");
    // Compare digests: constant time, and the key's length does not leak either.
    if (!MessageDigest.isEqual(sha256(given), keyDigest)) throw new ForbiddenResponse("wrong " + KEY_HEADER);
  }

  void reload(Context ctx) throws Exception {
    String before = refresher.snapshot().generation();
    IndexSnapshot now = refresher.refreshNow();
    ctx.json(new ReloadResult("ok", before.isEmpty() ? null : before, now.open() ? now.generation() : null, now.documents()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
