package io.lede.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lede.Lede;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repeated search is answered from the result cache without searching, with the JSON it had the first
 * time (apart from the time it took), and never from a generation the server has left.
 */
class CachedAnswersTest {

  /** The real service, counting the searches that reach it. */
  private static SearchService counting(Lede lede, AtomicInteger searches) {
    SearchService real = SearchService.of(lede);
    return (SearchService) Proxy.newProxyInstance(SearchService.class.getClassLoader(), new Class<?>[] {SearchService.class},
        (proxy, method, args) -> {
          if (method.getName().equals("search")) searches.incrementAndGet();
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void aRepeatedSearchIsAnsweredWithoutSearchingAndTheSameJson(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("index");
    Fixtures.publish(Fixtures.seeds(), home);
    AtomicInteger searches = new AtomicInteger();
    try (Lede lede = Lede.open(home); TestServer server = new TestServer(counting(lede, searches), TestServer.config())) {
      server.awaitFirstRefresh();
      String q = "/api/search?q=recognition&size=3&explain=true&topic=AI";
      TestServer.Reply first = server.get(q);
      TestServer.Reply again = server.get(q);
      TestServer.Reply third = server.get(q);
      assertEquals(200, again.status());
      assertTrue(again.header("Content-Type").startsWith("application/json"), again.header("Content-Type"));
      assertEquals(1, searches.get(), "only the first request searched");
      assertEquals(2, lede.resultCache().hits());
      assertEquals(0, again.json().get("tookMs").asLong(), "a known answer takes no measurable time");
      assertEquals(withoutTook(first.json()), withoutTook(again.json()));
      assertEquals(again.body(), third.body(), "written once, sent as written");
      assertTrue(again.json().get("hits").size() > 0);
      assertTrue(again.json().get("hits").get(0).get("explain").isObject());

      server.get("/api/search?q=recognition&size=2&explain=true&topic=AI"); // another request: searched
      assertEquals(2, searches.get());
    }
  }

  @Test
  void aNewGenerationIsNeverAnsweredFromTheOldOnesCache(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("index");
    Fixtures.publish(Fixtures.items(tmp.resolve("a"), "alpha", 2), home);
    AtomicInteger searches = new AtomicInteger();
    ServerConfig config = TestServer.config().withAdminKey("k3y-for-tests").withRefreshInterval(Duration.ofHours(1));
    try (Lede lede = Lede.open(home); TestServer server = new TestServer(counting(lede, searches), config)) {
      server.awaitFirstRefresh();
      String q = "/api/search?q=marker";
      assertEquals(2, server.get(q).json().get("total").asLong());
      assertEquals(2, server.get(q).json().get("total").asLong());
      assertEquals(1, searches.get());

      Fixtures.items(tmp.resolve("a"), "alpha", 5);
      String second = Fixtures.publish(tmp.resolve("a"), home);
      assertEquals(200, server.post("/api/admin/reload", "X-Admin-Key", "k3y-for-tests").status());
      assertEquals(second, server.get("/api/health").json().get("generation").asText());
      JsonNode now = server.get(q).json();
      assertEquals(5, now.get("total").asLong(), "the new generation's answer");
      assertEquals(2, searches.get());
      assertNotEquals(0, lede.resultCache().misses());
    }
  }

  @Test
  void aClientThatAcceptsGzipGetsTheKeptAnswerCompressed(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("index");
    Fixtures.publish(Fixtures.seeds(), home);
    try (Lede lede = Lede.open(home); TestServer server = new TestServer(SearchService.of(lede), TestServer.config())) {
      server.awaitFirstRefresh();
      String q = "/api/search?q=recognition&explain=true";
      server.get(q); // searched; kept
      TestServer.Reply plain = server.get(q);
      assertTrue(plain.body().length() >= SearchController.MIN_GZIP_BYTES, "large enough to be compressed");
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<byte[]> zipped = client.send(HttpRequest.newBuilder(server.uri(q)).header("Accept-Encoding", "gzip, br").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, zipped.statusCode());
      assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
      assertTrue(zipped.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));
      assertTrue(zipped.body().length < plain.body().length() / 2, "compressed");
      try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
        assertEquals(plain.body(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      HttpResponse<byte[]> refused = client.send(HttpRequest.newBuilder(server.uri(q)).header("Accept-Encoding", "gzip;q=0")
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty());
      assertEquals(plain.body(), new String(refused.body(), StandardCharsets.UTF_8));
      assertEquals(3, lede.resultCache().hits());
    }
  }

  private static JsonNode withoutTook(JsonNode answer) {
    ObjectNode copy = answer.deepCopy();
    copy.remove("tookMs");
    return copy;
  }
}
