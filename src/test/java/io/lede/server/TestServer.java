package io.lede.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A Lede server on a free loopback port, and a real HTTP client for it. */
final class TestServer implements AutoCloseable {

  /** One HTTP answer. */
  record Reply(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst().map(e -> e.getValue().get(0)).orElse(null);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  final Javalin app;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  TestServer(SearchService service, ServerConfig config) {
    this.app = LedeServer.create(service, config.withPort(0)).start();
  }

  /** Waits until the background refresher has read the index once (health then reports the document count). */
  void awaitFirstRefresh() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (get("/api/health").json().path("documents").asLong() == 0) {
      if (System.nanoTime() > deadline) throw new AssertionError("the refresher never read the index");
      Thread.sleep(20);
    }
  }

  /** Waits until the metrics report {@code generation} as live, i.e. the refresher has caught up with it. */
  void awaitFirstRefreshOf(String generation) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String expected = "lede_index_generation " + (double) Integer.parseInt(generation);
    while (!get("/metrics").body().contains(expected)) {
      if (System.nanoTime() > deadline) throw new AssertionError("the refresher never saw generation " + generation);
      Thread.sleep(20);
    }
  }

  static ServerConfig config() {
    return ServerConfig.defaults().withRefreshInterval(Duration.ofMillis(100));
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
  }

  Reply get(String pathAndQuery, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) b.headers(headers);
    return send(b.build());
  }

  Reply post(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) b.headers(headers);
    return send(b.build());
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }
}
