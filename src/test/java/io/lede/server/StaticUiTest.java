package io.lede.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser UI from a web folder: caching, revalidation, gzip and security headers. */
class StaticUiTest {

  @TempDir Path web;
  String script;

  @BeforeEach
  void writeUi() throws IOException {
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>Lede</title><script src=\"app.js\"></script>");
    script = "// Lede UI\n" + "console.log('a line long enough to be worth compressing');\n".repeat(400);
    Files.writeString(web.resolve("app.js"), script);
  }

  @Test
  void indexPageAlwaysRevalidatesAndAssetsAreCachedBriefly() {
    try (TestServer server = new TestServer(new StubService(), TestServer.config().withWebDir(web))) {
      TestServer.Reply page = server.get("/");
      assertEquals(200, page.status());
      assertTrue(page.body().contains("<title>Lede</title>"));
      assertEquals("no-cache", page.header("Cache-Control"));
      assertEquals("no-cache", server.get("/index.html").header("Cache-Control"));
      assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
      assertEquals("nosniff", page.header("X-Content-Type-Options"));
      assertNotNull(page.header("Referrer-Policy"));

      TestServer.Reply asset = server.get("/app.js");
      assertEquals(200, asset.status());
      assertEquals(script, asset.body());
      assertTrue(asset.header("Cache-Control").matches("public, max-age=\\d+"), asset.header("Cache-Control"));
      String etag = asset.header("ETag");
      assertNotNull(etag, "assets carry an ETag");
      assertEquals(304, server.get("/app.js", "If-None-Match", etag).status());
      assertEquals(404, server.get("/missing.js").status());
    }
  }

  @Test
  void assetsAreGzippedForClientsThatAccept() throws Exception {
    try (TestServer server = new TestServer(new StubService(), TestServer.config().withWebDir(web))) {
      HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri("/app.js")).header("Accept-Encoding", "gzip").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode());
      assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
      assertTrue(r.body().length < script.length() / 4, "compressed: " + r.body().length + " bytes");
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
        assertEquals(script, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void aWebFolderWithoutIndexPageIsRefused(@TempDir Path empty) {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> LedeServer.create(new StubService(), TestServer.config().withWebDir(empty)));
  }
}
