package io.lede.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lede.Lede;
import io.lede.search.SearchRequest;
import io.lede.search.SearchResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What clients see when the service fails, stalls or has no index: clear statuses, never internals. */
class FailureTest {

  @Test
  void unexpectedFailureIs500WithARequestIdAndNoInternals() {
    SearchService failing = new StubService() {
      @Override
      public SearchResponse search(SearchRequest r) {
        throw new IllegalStateException("secret-detail: reader /var/lib/lede/index is corrupt");
      }
    };
    try (TestServer server = new TestServer(failing, TestServer.config())) {
      TestServer.Reply r = server.get("/api/search?q=anything");
      assertEquals(500, r.status());
      JsonNode body = r.json();
      assertEquals(500, body.get("status").asInt());
      String requestId = body.get("requestId").asText();
      assertEquals(r.header("X-Request-Id"), requestId, "the id in the body is the one in the header (and the log)");
      assertTrue(body.get("error").asText().contains(requestId));
      for (String leak : new String[] {"secret-detail", "IllegalStateException", "corrupt", "at io.lede", "\tat "}) {
        assertFalse(r.body().contains(leak), "500 body leaks '" + leak + "': " + r.body());
      }
    }
  }

  @Test
  void aQueryOverTheTimeLimitIsCutOffWith503AndTheServerStaysResponsive() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    SearchService stalling = new StubService() {
      @Override
      public SearchResponse search(SearchRequest r) {
        if (r.query().equals("slow")) {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return super.search(r);
      }
    };
    ServerConfig config = TestServer.config().withSearchTimeout(Duration.ofMillis(300));
    try (TestServer server = new TestServer(stalling, config)) {
      TestServer.Reply r = server.get("/api/search?q=slow");
      assertEquals(503, r.status(), r.body());
      assertEquals(503, r.json().get("status").asInt());
      assertTrue(r.json().get("error").asText().contains("300 ms"), r.body());
      assertEquals("1", r.header("Retry-After"));
      // The stalled query holds one pool thread, not the server.
      assertEquals(200, server.get("/api/search?q=fast").status());
      assertEquals(200, server.get("/api/health").status());
      assertTrue(server.get("/metrics").body().contains("lede_search_timeouts_total 1.0"));
    } finally {
      release.countDown();
    }
  }

  @Test
  void healthIs503WhenNoSearcherIsOpen() {
    SearchService closed = new StubService() {
      @Override
      public String generation() {
        return "";
      }
    };
    try (TestServer server = new TestServer(closed, TestServer.config())) {
      TestServer.Reply r = server.get("/api/health");
      assertEquals(503, r.status());
      assertEquals("unavailable", r.json().get("status").asText());
    }
  }

  @Test
  void healthIs503OnceTheIndexIsClosed(@TempDir Path tmp) throws Exception {
    Fixtures.publish(Fixtures.items(tmp.resolve("items"), "alpha", 3), tmp.resolve("index"));
    Lede lede = Lede.open(tmp.resolve("index"));
    try (TestServer server = new TestServer(SearchService.of(lede), TestServer.config())) {
      assertEquals(200, server.get("/api/health").status());
      lede.close();
      assertEquals(503, server.get("/api/health").status());
    }
  }
}
