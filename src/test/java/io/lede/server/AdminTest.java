package io.lede.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lede.Lede;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/admin/reload}: only with the configured key, and it switches generations at once. */
class AdminTest {

  @Test
  void reloadNeedsTheRightKeyAndSwitchesToTheNewestGeneration(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("index");
    String first = Fixtures.publish(Fixtures.items(tmp.resolve("a"), "alpha", 3), home);
    // A refresh interval far longer than the test: only the admin call can explain a switch.
    ServerConfig config = TestServer.config().withAdminKey("s3cret-key").withRefreshInterval(Duration.ofHours(1));
    try (Lede lede = Lede.open(home); TestServer server = new TestServer(SearchService.of(lede), config)) {
      server.awaitFirstRefresh();
      TestServer.Reply missing = server.post("/api/admin/reload");
      assertEquals(401, missing.status());
      assertEquals(401, missing.json().get("status").asInt());
      TestServer.Reply wrong = server.post("/api/admin/reload", "X-Admin-Key", "s3cret-kez");
      assertEquals(403, wrong.status());
      assertEquals(403, server.post("/api/admin/reload", "X-Admin-Key", "s3cret-key-and-more").status());

      String second = Fixtures.publish(Fixtures.items(tmp.resolve("b"), "bravo", 3), home);
      assertNotEquals(first, second);
      assertEquals(first, server.get("/api/health").json().get("generation").asText(), "no refresh has happened yet");

      TestServer.Reply ok = server.post("/api/admin/reload", "X-Admin-Key", "s3cret-key");
      assertEquals(200, ok.status(), ok.body());
      JsonNode body = ok.json();
      assertEquals(first, body.get("previousGeneration").asText());
      assertEquals(second, body.get("generation").asText());
      assertEquals(3, body.get("documents").asLong());
      assertEquals(second, server.get("/api/health").json().get("generation").asText());
      assertEquals(3, server.get("/api/search?q=bravo").json().get("total").asLong());
      // A wrong key is refused even after a good one.
      assertEquals(403, server.post("/api/admin/reload", "X-Admin-Key", "nope").status());
    }
  }

  @Test
  void aBlankKeyLeavesAdminRoutesOff() {
    try (TestServer server = new TestServer(new StubService(), TestServer.config().withAdminKey("  "))) {
      assertEquals(404, server.post("/api/admin/reload", "X-Admin-Key", "  ").status());
    }
  }
}
