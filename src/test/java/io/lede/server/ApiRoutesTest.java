package io.lede.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lede.Lede;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every API route over an index built from the repository's seeds, through a real HTTP client. */
class ApiRoutesTest {

  @TempDir static Path tmp;
  static Lede lede;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Fixtures.publish(Fixtures.seeds(), tmp.resolve("index"));
    lede = Lede.open(tmp.resolve("index"));
    server = new TestServer(SearchService.of(lede), TestServer.config());
    server.awaitFirstRefresh();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    lede.close();
  }

  private static String firstHitId() {
    JsonNode hits = server.get("/api/search?q=recognition&size=1").json().get("hits");
    assertEquals(1, hits.size(), "the seeds must have a hit for 'recognition'");
    return hits.get(0).get("id").asText();
  }

  @Test
  void searchAnswersTheContractShape() {
    TestServer.Reply r = server.get("/api/search?q=recognition&size=3");
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("application/json"));
    JsonNode body = r.json();
    for (String key : List.of("query", "total", "tookMs", "page", "size", "nextCursor", "didYouMean", "matched", "partial", "hits",
        "facets")) {
      assertTrue(body.has(key), "response lacks " + key + ": " + body);
    }
    assertEquals("recognition", body.get("query").asText());
    assertEquals("all_words", body.get("matched").asText());
    assertEquals(1, body.get("page").asInt());
    assertEquals(3, body.get("size").asInt());
    assertTrue(body.get("total").asLong() >= body.get("hits").size());
    assertTrue(body.get("hits").size() > 0 && body.get("hits").size() <= 3);
    JsonNode hit = body.get("hits").get(0);
    for (String key : List.of("id", "kind", "title", "excerpt", "highlights", "url", "provider", "topics", "category",
        "publishedDateTime", "quality", "heat", "published", "score", "image", "parents", "alsoFrom", "explain")) {
      assertTrue(hit.has(key), "hit lacks " + key + ": " + hit);
    }
    assertTrue(hit.get("provider").has("name") && hit.get("provider").has("domain"));
    assertTrue(hit.get("topics").isArray());
    // ISO-8601 instants, never epoch numbers.
    if (!hit.get("publishedDateTime").isNull()) assertTrue(hit.get("publishedDateTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    // An absent Optional is written as null, not omitted or {"present":false}.
    assertTrue(hit.get("explain").isNull(), "explain was not asked for: " + hit.get("explain"));
  }

  @Test
  void searchSaysWhenTheWordsWereLoosened() {
    JsonNode body = server.get("/api/search?q=recognition+quokkaqqzz").json();
    assertTrue(body.get("total").asLong() > 0, "the known word finds stories: " + body);
    assertEquals("any_word", body.get("matched").asText());
    JsonNode most = server.get("/api/search?q=facial+recognition+quokkaqqzz").json();
    assertTrue(most.get("total").asLong() > 0, "stories have the two known words: " + most);
    assertEquals("most_words", most.get("matched").asText());
  }

  @Test
  void searchAcceptsEveryDocumentedParameterTogether() {
    String query = "/api/search?q=" + enc("face recognition") + "&topic=AI&topic=" + enc("Computer Vision")
        + "&provider=" + enc("The Verge") + "&provider=Wired&category=news&kind=article&kind=related&year=2020&year=2021"
        + "&from=2020-01-01&to=2020-12-31T23:59:59Z&minQuality=0&published=true&sort=newest&page=1&size=5"
        + "&explain=true&collapse=false&facets=true&highlight=true";
    TestServer.Reply r = server.get(query);
    assertEquals(200, r.status(), r.body());
    assertEquals(5, r.json().get("size").asInt());
  }

  @Test
  void hitsOnlySearchSkipsFacetsAndMarks() {
    JsonNode full = server.get("/api/search?q=" + enc("facial recognition")).json();
    JsonNode lean = server.get("/api/search?q=" + enc("facial recognition") + "&facets=false&highlight=false").json();
    assertTrue(full.get("facets").size() > 0, "facets by default: " + full.get("facets"));
    assertTrue(full.get("hits").get(0).get("highlights").get("title").asText().contains("<mark>"));
    assertEquals(0, lean.get("facets").size(), "no facets asked for: " + lean.get("facets"));
    assertEquals(full.get("total"), lean.get("total"));
    assertEquals(full.get("hits").get(0).get("id"), lean.get("hits").get(0).get("id"), "the same ranking");
    for (JsonNode hit : lean.get("hits")) {
      assertFalse(hit.get("highlights").toString().contains("<mark>"), "no marks asked for: " + hit.get("highlights"));
    }
  }

  @Test
  void blankParametersMeanDefaults() {
    TestServer.Reply r = server.get("/api/search?q=&size=&page=&sort=&topic=");
    assertEquals(200, r.status(), r.body());
    assertEquals(10, r.json().get("size").asInt());
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource({
      "size=1000, size",
      "size=0, size",
      "page=-1, page",
      "page=0, page",
      "page=two, page",
      "size=ten, size",
      "minQuality=high, minQuality",
      "sort=random, sort",
      "explain=maybe, explain",
      "collapse=yes, collapse",
      "facets=some, facets",
      "highlight=1x, highlight",
      "published=perhaps, published",
      "year=20, year",
      "from=2021-02-01&to=2021-01-01, from",
      "from=yesterday, from",
      "to=2021-13-45, to",
  })
  void invalidSearchParametersAre400NamingTheParameter(String query, String parameter) {
    TestServer.Reply r = server.get("/api/search?" + query);
    assertEquals(400, r.status(), r.body());
    JsonNode body = r.json();
    assertEquals(400, body.get("status").asInt());
    assertEquals(parameter, body.get("parameter").asText());
    assertTrue(body.get("error").asText().contains(parameter), "the message names the parameter: " + body);
  }

  @Test
  void itemAnswersTheHitFieldsPlusDetails() {
    String id = firstHitId();
    TestServer.Reply r = server.get("/api/items/" + id);
    assertEquals(200, r.status(), r.body());
    JsonNode item = r.json();
    assertEquals(id, item.get("id").asText());
    for (String key : List.of("title", "url", "provider", "topics", "parents", "body", "alternateUrls", "images")) {
      assertTrue(item.has(key), "item lacks " + key + ": " + item);
    }
    assertFalse(item.has("hit"), "hit fields are inlined, not nested");
  }

  @Test
  void unknownItemIs404() {
    TestServer.Reply r = server.get("/api/items/0000000000000000");
    assertEquals(404, r.status());
    assertEquals(404, r.json().get("status").asInt());
    assertTrue(r.json().get("error").asText().contains("0000000000000000"));
    assertEquals(404, server.get("/api/items/0000000000000000/similar").status());
  }

  @Test
  void similarAnswersHitsWithoutTheItemItself() {
    String id = firstHitId();
    TestServer.Reply r = server.get("/api/items/" + id + "/similar?size=3");
    assertEquals(200, r.status(), r.body());
    JsonNode hits = r.json().get("hits");
    assertTrue(hits.isArray() && hits.size() <= 3);
    hits.forEach(h -> assertFalse(h.get("id").asText().equals(id)));
    assertEquals("size", server.get("/api/items/" + id + "/similar?size=0").json().get("parameter").asText());
  }

  @Test
  void suggestAnswersTitlesWithIds() {
    TestServer.Reply r = server.get("/api/suggest?q=fac&size=4");
    assertEquals(200, r.status(), r.body());
    JsonNode body = r.json();
    assertEquals("fac", body.get("query").asText());
    assertTrue(body.get("suggestions").size() > 0 && body.get("suggestions").size() <= 4);
    body.get("suggestions").forEach(s -> assertTrue(s.has("text") && s.has("id"), s.toString()));
    assertEquals(0, server.get("/api/suggest?q=").json().get("suggestions").size());
    assertEquals(400, server.get("/api/suggest?q=fa&size=500").status());
  }

  @Test
  void healthAndStatsReportTheLiveGeneration() {
    TestServer.Reply health = server.get("/api/health");
    assertEquals(200, health.status());
    assertEquals("ok", health.json().get("status").asText());
    assertEquals(lede.generation(), health.json().get("generation").asText());
    JsonNode stats = server.get("/api/stats").json();
    assertEquals(lede.generation(), stats.get("generation").asText());
    for (String key : List.of("documents", "articles", "related", "duplicatesMerged", "facets")) assertTrue(stats.has(key), key);
    assertEquals(stats.get("documents").asLong(), health.json().get("documents").asLong());
    assertTrue(stats.get("documents").asLong() > 0);
  }

  @Test
  void metricsCountRequestsByRouteAndStatusAndDescribeTheIndex() {
    server.get("/api/search?q=face");
    server.get("/api/search?size=1000");
    String id = firstHitId();
    server.get("/api/items/" + id);
    TestServer.Reply r = server.get("/metrics");
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("text/plain"), r.header("Content-Type"));
    String text = r.body();
    assertTrue(text.contains("lede_http_requests_total{method=\"GET\",route=\"/api/search\",status=\"200\"}"), text);
    assertTrue(text.contains("lede_http_requests_total{method=\"GET\",route=\"/api/search\",status=\"400\"}"), text);
    // Path parameters are folded into the route template: one series, not one per id.
    assertTrue(text.contains("route=\"/api/items/{id}\""), text);
    assertFalse(text.contains(id), "an item id leaked into a metric label");
    assertTrue(text.contains("lede_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/search\",le=\"0.01\"}"), text);
    long documents = server.get("/api/stats").json().get("documents").asLong();
    assertEquals((double) documents, gauge(text, "lede_index_documents"));
    assertEquals(Integer.parseInt(lede.generation()), (int) gauge(text, "lede_index_generation"));
    assertTrue(gauge(text, "lede_index_last_rebuild_timestamp_seconds") > 1.6e9, "a 21st-century rebuild time");
  }

  @Test
  void metricsCountResultCacheHitsAndMisses() {
    String q = "/api/search?q=clearview&size=3";
    server.get(q);
    server.get(q);
    String text = server.get("/metrics").body();
    assertEquals((double) lede.resultCache().hits(), gauge(text, "lede_result_cache_hits_total"));
    assertEquals((double) lede.resultCache().misses(), gauge(text, "lede_result_cache_misses_total"));
    assertTrue(lede.resultCache().hits() >= 1, "the repeated request came from the cache");
  }

  @Test
  void unknownApiRouteIsJson404() {
    TestServer.Reply r = server.get("/api/nothing-here");
    assertEquals(404, r.status());
    assertEquals(404, r.json().get("status").asInt());
  }

  @Test
  void adminRoutesAreOffWithoutAConfiguredKey() {
    assertEquals(404, server.post("/api/admin/reload").status());
    assertEquals(404, server.post("/api/admin/reload", "X-Admin-Key", "anything").status());
  }

  @Test
  void everyAnswerCarriesSecurityHeadersAndARequestId() {
    TestServer.Reply r = server.get("/api/health");
    assertEquals("nosniff", r.header("X-Content-Type-Options"));
    assertNotNull(r.header("Referrer-Policy"));
    assertTrue(r.header("Content-Security-Policy").contains("default-src 'self'"));
    assertEquals("no-store", r.header("Cache-Control"));
    assertTrue(r.header("X-Request-Id").matches("[0-9a-f]{16}"));
  }

  static double gauge(String metrics, String name) {
    return metrics.lines().filter(l -> l.startsWith(name + " ")).findFirst()
        .map(l -> Double.parseDouble(l.substring(name.length() + 1).trim()))
        .orElseThrow(() -> new AssertionError("no " + name + " in\n" + metrics));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
