package io.lede.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lede.search.SearchRequest;
import io.lede.search.SortOrder;
import io.lede.search.WordMatch;

/**
 * The OpenAPI 3 description of the HTTP API, served at {@code /openapi.json}. Written by hand, separately
 * from the route registrations in {@link LedeServer}, so a test that compares the two catches a route
 * added without documentation (or documentation of a route that is gone).
 */
final class OpenApiDocument {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private OpenApiDocument() {}

  static String render(ObjectMapper mapper, ServerConfig config) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(build(config));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the OpenAPI document cannot be written", e);
    }
  }

  static ObjectNode build(ServerConfig config) {
    ObjectNode doc = JSON.objectNode();
    doc.put("openapi", "3.0.3");
    doc.putObject("info").put("title", "Lede").put("version", "0.1.0")
        .put("description", "News search over Apache Lucene. Errors are {\"status\":…,\"error\":\"…\"}.");
    ObjectNode paths = doc.putObject("paths");

    ObjectNode search = get(paths, "/api/search", "search",
        "Ranked, faceted search. Repeating a filter (topic=A&topic=B) means any of them; different filters all apply.");
    ArrayNode p = search.putArray("parameters");
    p.add(query("q", string(), "What the reader typed: words, \"phrases\", -exclusions, OR, prefix*. Empty browses."));
    p.add(repeated("topic", "Topic filter (repeatable)."));
    p.add(repeated("provider", "Provider name filter (repeatable)."));
    p.add(repeated("category", "Category filter (repeatable)."));
    p.add(repeated("kind", "article or related (repeatable)."));
    p.add(repeated("year", "Four-digit year filter (repeatable)."));
    p.add(query("from", dateOrInstant(), "Published at or after: ISO date (start of day, UTC) or date-time."));
    p.add(query("to", dateOrInstant(), "Published at or before: ISO date (end of day, UTC) or date-time."));
    p.add(query("minQuality", integer(null, null, null), "Only stories of at least this quality."));
    p.add(query("published", bool(null), "Only stories with this curator flag."));
    ArrayNode sorts = JSON.arrayNode();
    for (SortOrder order : SortOrder.values()) sorts.add(order.label());
    p.add(query("sort", string().put("default", "relevance").set("enum", sorts),
        "Order of hits: relevance, newest or oldest published, quality, heat (undated stories last in the dated orders)."));
    p.add(query("page", integer(1, 1, null), "1-based page number."));
    p.add(query("size", integer(SearchRequest.DEFAULT_SIZE, 1, SearchRequest.MAX_SIZE), "Hits per page."));
    p.add(query("cursor", string(), "Opaque nextCursor of the previous page, for stable deep paging."));
    p.add(query("explain", bool(false), "Add each hit's score factors."));
    p.add(query("collapse", bool(true), "Fold the same story from several providers into one hit (alsoFrom)."));
    p.add(query("facets", bool(true), "Count facet values; false for hits only (facets is then empty), which is cheaper."));
    p.add(query("highlight", bool(true), "Mark matches in highlights; false for escaped text without marks, which is cheaper."));
    responses(search, "SearchResponse", 400, 503);

    ObjectNode item = get(paths, "/api/items/{id}", "item", "One story with its body, alternate URLs and images.");
    item.putArray("parameters").add(idParam());
    responses(item, "Item", 404, 503);

    ObjectNode similar = get(paths, "/api/items/{id}/similar", "similar", "Stories most like this one.");
    similar.putArray("parameters").add(idParam())
        .add(query("size", integer(ItemController.DEFAULT_SIMILAR, 1, SearchRequest.MAX_SIZE), "How many."));
    responses(similar, "SimilarResponse", 400, 404, 503);

    ObjectNode suggest = get(paths, "/api/suggest", "suggest", "Titles completing what the reader is typing.");
    suggest.putArray("parameters").add(query("q", string(), "The prefix typed so far."))
        .add(query("size", integer(SearchController.DEFAULT_SUGGESTIONS, 1, SearchController.MAX_SUGGESTIONS), "How many."));
    responses(suggest, "SuggestResponse", 400, 503);

    ObjectNode health = get(paths, "/api/health", "health", "200 while an index generation is being served, else 503.");
    responses(health, "Health", 503);
    ((ObjectNode) health.get("responses").get("503")).putObject("content").putObject("application/json")
        .set("schema", ref("Health"));

    responses(get(paths, "/api/stats", "stats", "What the live index holds: counts and facet values."), "Stats", 503);

    ObjectNode metrics = get(paths, "/metrics", "metrics",
        "Prometheus text: requests by route and status, latency histograms, documents, generation, last rebuild time.");
    metrics.putObject("responses").putObject("200").put("description", "Prometheus text exposition format")
        .putObject("content").putObject("text/plain").putObject("schema").put("type", "string");

    ObjectNode openapi = get(paths, "/openapi.json", "openapi", "This document.");
    openapi.putObject("responses").putObject("200").put("description", "OpenAPI 3 document")
        .putObject("content").putObject("application/json").putObject("schema").put("type", "object");

    if (config.adminEnabled()) {
      ObjectNode reload = operation(paths, "/api/admin/reload", "post", "reload",
          "Switch to the newest published index generation now. Needs the X-Admin-Key header.");
      reload.putArray("security").addObject().putArray("adminKey");
      responses(reload, "ReloadResult", 401, 403);
    }
    doc.set("components", components(config));
    return doc;
  }

  private static ObjectNode get(ObjectNode paths, String path, String id, String summary) {
    return operation(paths, path, "get", id, summary);
  }

  private static ObjectNode operation(ObjectNode paths, String path, String method, String id, String summary) {
    ObjectNode pathItem = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    return pathItem.putObject(method).put("operationId", id).put("summary", summary);
  }

  private static void responses(ObjectNode op, String schema, int... errors) {
    ObjectNode responses = op.putObject("responses");
    responses.putObject("200").put("description", "OK").putObject("content").putObject("application/json")
        .set("schema", ref(schema));
    for (int status : errors) {
      responses.putObject(Integer.toString(status)).put("description", describe(status))
          .putObject("content").putObject("application/json").set("schema", ref("Error"));
    }
    if (!responses.has("500")) {
      responses.putObject("500").put("description", describe(500)).putObject("content").putObject("application/json")
          .set("schema", ref("Error"));
    }
  }

  private static String describe(int status) {
    return switch (status) {
      case 400 -> "A parameter is invalid; the error names it";
      case 401 -> "The X-Admin-Key header is missing";
      case 403 -> "The X-Admin-Key header is wrong";
      case 404 -> "No item with this id";
      case 503 -> "No index is open, the server is busy, or the request exceeded its time limit";
      case 500 -> "Unexpected failure; the body carries a request id for the server log";
      default -> "Error";
    };
  }

  private static ObjectNode query(String name, ObjectNode schema, String description) {
    ObjectNode p = JSON.objectNode().put("name", name).put("in", "query").put("required", false)
        .put("description", description);
    p.set("schema", schema);
    return p;
  }

  private static ObjectNode repeated(String name, String description) {
    ObjectNode schema = JSON.objectNode().put("type", "array");
    schema.set("items", string());
    return query(name, schema, description).put("style", "form").put("explode", true);
  }

  private static ObjectNode idParam() {
    ObjectNode p = JSON.objectNode().put("name", "id").put("in", "path").put("required", true)
        .put("description", "The story id, as in a hit.");
    p.set("schema", string());
    return p;
  }

  private static ObjectNode string() {
    return JSON.objectNode().put("type", "string");
  }

  private static ObjectNode dateOrInstant() {
    return string().put("example", "2020-01-30");
  }

  private static ObjectNode bool(Boolean defaultValue) {
    ObjectNode s = JSON.objectNode().put("type", "boolean");
    if (defaultValue != null) s.put("default", defaultValue);
    return s;
  }

  private static ObjectNode integer(Integer defaultValue, Integer min, Integer max) {
    ObjectNode s = JSON.objectNode().put("type", "integer");
    if (defaultValue != null) s.put("default", defaultValue);
    if (min != null) s.put("minimum", min);
    if (max != null) s.put("maximum", max);
    return s;
  }

  private static ObjectNode ref(String schema) {
    return JSON.objectNode().put("$ref", "#/components/schemas/" + schema);
  }

  private static ObjectNode object(String... stringProps) {
    ObjectNode s = JSON.objectNode().put("type", "object");
    ObjectNode props = s.putObject("properties");
    for (String name : stringProps) props.set(name, string());
    return s;
  }

  private static ObjectNode arrayOf(ObjectNode items) {
    ObjectNode s = JSON.objectNode().put("type", "array");
    s.set("items", items);
    return s;
  }

  private static ObjectNode nullable(ObjectNode schema) {
    return schema.put("nullable", true);
  }

  private static ObjectNode components(ServerConfig config) {
    ObjectNode components = JSON.objectNode();
    ObjectNode s = components.putObject("schemas");

    ObjectNode error = object("error", "parameter", "requestId");
    props(error).set("status", integer(null, null, null));
    error.putArray("required").add("status").add("error");
    s.set("Error", error);

    s.set("Provider", object("name", "domain"));
    s.set("Link", object("id", "title", "url"));
    ObjectNode also = object("id", "title", "url");
    props(also).set("provider", ref("Provider"));
    s.set("AlsoFrom", also);
    ObjectNode image = object("url");
    props(image).set("width", integer(null, null, null));
    props(image).set("height", integer(null, null, null));
    s.set("Image", image);
    ObjectNode explain = JSON.objectNode().put("type", "object");
    ObjectNode ep = explain.putObject("properties");
    for (String f : new String[] {"text", "quality", "heat", "recency", "score"}) ep.putObject(f).put("type", "number");
    s.set("Explain", explain);

    ObjectNode hit = object("id", "title", "excerpt", "url", "category");
    ObjectNode hp = props(hit);
    hp.set("kind", string().set("enum", JSON.arrayNode().add("article").add("related")));
    hp.set("highlights", object("title", "excerpt").put("description", "HTML-escaped text with <mark> around matches"));
    hp.set("provider", ref("Provider"));
    hp.set("topics", arrayOf(string()));
    hp.set("publishedDateTime", nullable(string().put("format", "date-time")));
    hp.set("quality", integer(null, null, null));
    hp.set("heat", integer(null, null, null).put("description", "-1 when unknown"));
    hp.set("published", bool(null));
    hp.putObject("score").put("type", "number");
    hp.set("image", nullable(ref("Image")));
    hp.set("parents", arrayOf(ref("Link")));
    hp.set("alsoFrom", arrayOf(ref("AlsoFrom")));
    hp.set("explain", nullable(ref("Explain")));
    s.set("Hit", hit);

    ObjectNode facetCount = object("value");
    props(facetCount).set("count", integer(null, null, null));
    s.set("FacetCount", facetCount);
    ObjectNode facets = JSON.objectNode().put("type", "object")
        .put("description", "Counts per dimension: topic, provider, category, kind, year, month");
    facets.set("additionalProperties", arrayOf(ref("FacetCount")));
    s.set("Facets", facets);

    ObjectNode response = object("query");
    ObjectNode rp = props(response);
    rp.set("total", integer(null, null, null));
    rp.set("tookMs", integer(null, null, null));
    rp.set("page", integer(null, null, null));
    rp.set("size", integer(null, null, null));
    rp.set("nextCursor", nullable(string()));
    rp.set("didYouMean", nullable(string()));
    ArrayNode matches = JSON.arrayNode();
    for (WordMatch m : WordMatch.values()) matches.add(m.label());
    rp.set("matched", string().<ObjectNode>set("enum", matches).put("description",
        "how the words had to match for these hits and counts: all_words, or when that found nothing all_words_fuzzy "
            + "(typos allowed in words the index does not know), then for three words or more most_words (all but one, "
            + "all but one in four for longer queries), then any_word (at least one word)"));
    rp.set("partial", bool(null).put("description", "true when a time limit cut the search short"));
    rp.set("hits", arrayOf(ref("Hit")));
    rp.set("facets", ref("Facets"));
    s.set("SearchResponse", response);

    ObjectNode item = JSON.objectNode();
    ObjectNode extra = object("body");
    props(extra).set("alternateUrls", arrayOf(string()));
    props(extra).set("images", arrayOf(ref("Image")));
    props(extra).set("sources", arrayOf(string()));
    item.putArray("allOf").add(ref("Hit")).add(extra);
    s.set("Item", item);

    ObjectNode similar = JSON.objectNode().put("type", "object");
    similar.putObject("properties").set("hits", arrayOf(ref("Hit")));
    s.set("SimilarResponse", similar);

    ObjectNode suggest = object("query");
    props(suggest).set("suggestions", arrayOf(object("text", "id")));
    s.set("SuggestResponse", suggest);

    ObjectNode health = object("status", "generation");
    props(health).set("documents", integer(null, null, null));
    s.set("Health", health);

    ObjectNode stats = object("generation", "builtAt");
    for (String f : new String[] {"documents", "articles", "related", "duplicatesMerged", "files", "problems"}) {
      props(stats).set(f, integer(null, null, null));
    }
    props(stats).set("facets", ref("Facets"));
    s.set("Stats", stats);

    if (config.adminEnabled()) {
      ObjectNode reload = object("status", "previousGeneration", "generation");
      props(reload).set("documents", integer(null, null, null));
      s.set("ReloadResult", reload);
      components.putObject("securitySchemes").putObject("adminKey")
          .put("type", "apiKey").put("in", "header").put("name", AdminController.KEY_HEADER);
    }
    return components;
  }

  private static ObjectNode props(ObjectNode schema) {
    return (ObjectNode) schema.get("properties");
  }
}
