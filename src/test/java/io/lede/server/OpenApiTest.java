package io.lede.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OpenAPI document and the registered routes describe the same API, with and without admin routes. */
class OpenApiTest {

  @ParameterizedTest(name = "admin key configured: {0}")
  @ValueSource(booleans = {false, true})
  void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteExists(boolean admin) {
    ServerConfig config = TestServer.config().withAdminKey(admin ? "k" : null);
    try (TestServer server = new TestServer(new StubService(), config)) {
      Set<String> registered = new TreeSet<>();
      for (ParsedEndpoint e : server.app.unsafe.internalRouter.allHttpHandlers()) {
        if (e.endpoint.method.isHttpMethod()) registered.add(e.endpoint.method.name() + " " + e.endpoint.path);
      }
      TestServer.Reply r = server.get("/openapi.json");
      assertEquals(200, r.status());
      JsonNode doc = r.json();
      assertTrue(doc.get("openapi").asText().startsWith("3."));
      Set<String> documented = new TreeSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey()));
      }
      assertEquals(registered, documented);
      assertEquals(admin, documented.contains("POST /api/admin/reload"));
      assertTrue(registered.size() >= 8, registered.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/search", "/api/suggest", "/api/items/{id}/similar"})
  void everyReferencedSchemaExists(String path) {
    JsonNode doc = OpenApiDocument.build(TestServer.config());
    JsonNode schemas = doc.get("components").get("schemas");
    JsonNode ok = doc.get("paths").get(path).get("get").get("responses").get("200");
    String ref = ok.get("content").get("application/json").get("schema").get("$ref").asText();
    assertTrue(schemas.has(ref.substring(ref.lastIndexOf('/') + 1)), ref);
  }

  @org.junit.jupiter.api.Test
  void everySearchParameterTheServerReadsIsDocumented() {
    JsonNode params = OpenApiDocument.build(TestServer.config()).get("paths").get("/api/search").get("get").get("parameters");
    Set<String> documented = new TreeSet<>();
    params.forEach(p -> documented.add(p.get("name").asText()));
    assertEquals(new TreeSet<>(SearchParams.NAMES), documented);
    params.forEach(p -> {
      boolean repeatable = "array".equals(p.get("schema").get("type").asText());
      assertEquals(SearchParams.REPEATABLE.contains(p.get("name").asText()), repeatable, p.toString());
    });
  }
}
