package io.lede.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** While the index opens, the server already answers: 503 with Retry-After, then the real answers. */
class OpeningServiceTest {

  @Test
  void answers503UntilTheIndexIsReadyThen200() throws Exception {
    OpeningService opening = new OpeningService();
    try (TestServer server = new TestServer(opening, TestServer.config())) {
      TestServer.Reply health = server.get("/api/health");
      assertEquals(503, health.status());
      assertEquals("unavailable", health.json().get("status").asText());
      TestServer.Reply search = server.get("/api/search?q=anything");
      assertEquals(503, search.status());
      assertEquals("1", search.header("Retry-After"));
      assertTrue(search.json().get("error").asText().contains("opening"), search.body());
      assertEquals(503, server.get("/api/stats").status());
      // Invalid parameters are still a 400, opening or not: the request is wrong either way.
      assertEquals(400, server.get("/api/search?size=1000").status());

      opening.ready(new StubService());
      assertEquals(200, server.get("/api/health").status());
      assertEquals("000001", server.get("/api/health").json().get("generation").asText());
      assertEquals(200, server.get("/api/search?q=anything").status());
      server.awaitFirstRefreshOf("000001");
    }
  }
}
