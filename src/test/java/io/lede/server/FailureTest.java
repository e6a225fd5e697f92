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
import java.util.List;
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
    ServerConfig config = TestServer.config().withSearchTimeout(Duration.ofMillis(1000));
    try (TestServer server = new TestServer(stalling, config)) {
      TestServer.Reply r = server.get("/api/search?q=slow");
      assertEquals(503, r.status(), r.body());
      assertEquals(503, r.json().get("status").asInt());
      assertTrue(r.json().get("error").asText().contains("1000 ms"), r.body());
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
  void searchesCarryHalfTheRequestTimeLimitSoAPartialAnswerArrivesInTime() {
    java.util.List<SearchRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    SearchService recording = new StubService() {
      @Override
      public SearchResponse search(SearchRequest r) {
        seen.add(r);
        return super.search(r);
      }
    };
    try (TestServer server = new TestServer(recording, TestServer.config().withSearchTimeout(Duration.ofMillis(1000)))) {
      assertEquals(200, server.get("/api/search?q=anything").status());
      assertEquals(java.util.Optional.of(Duration.ofMillis(500)), seen.get(0).timeLimit());
    }
  }

  @Test
  void whenEveryQueryThreadIsBusyAndTheQueueFullRequestsAreRefusedAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    SearchService stalling = new StubService() {
      @Override
      public SearchResponse search(SearchRequest r) {
        running.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.search(r);
      }
    };
    ServerConfig config = TestServer.config().withSearchThreads(1).withQueueCapacity(1)
        .withSearchTimeout(Duration.ofSeconds(20));
    try (TestServer server = new TestServer(stalling, config)) {
      var client = java.net.http.HttpClient.newHttpClient();
      var request = java.net.http.HttpRequest.newBuilder(server.uri("/api/search?q=x")).build();
      var first = client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertTrue(running.await(10, TimeUnit.SECONDS), "the first search occupies the only thread");
      // Four more while the thread is busy: one fits in the queue, three are refused at once.
      List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> more = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) more.add(client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (more.stream().filter(java.util.concurrent.CompletableFuture::isDone).count() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      List<java.net.http.HttpResponse<String>> refused = more.stream().filter(java.util.concurrent.CompletableFuture::isDone)
          .map(java.util.concurrent.CompletableFuture::join).toList();
      assertEquals(3, refused.size(), "three answered while the search thread is still held");
      for (var r : refused) {
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("busy"), r.body());
      }
      assertTrue(server.get("/metrics").body().contains("lede_search_rejections_total 3.0"));
      release.countDown();
      assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
      for (var f : more) assertTrue(List.of(200, 503).contains(f.get(10, TimeUnit.SECONDS).statusCode()));
      assertEquals(1, more.stream().filter(f -> f.join().statusCode() == 200).count(), "the queued one was answered");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aFailingRefreshKeepsTheServerOnItsGenerationAndLaterRefreshesStillRun() throws Exception {
    java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();
    SearchService flaky = new StubService() {
      @Override
      public boolean refresh() {
        if (refreshes.incrementAndGet() <= 3) throw new IllegalStateException("the new generation is unreadable");
        return true;
      }
    };
    try (TestServer server = new TestServer(flaky, TestServer.config())) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (refreshes.get() < 5 && System.nanoTime() < deadline) Thread.sleep(20);
      assertTrue(refreshes.get() >= 5, "refreshes went on after failures: " + refreshes.get());
      assertEquals(200, server.get("/api/health").status());
      assertEquals(200, server.get("/api/search?q=x").status());
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
