package io.lede.server;

import io.lede.search.SearchRequest;
import io.lede.search.SortOrder;
import java.util.List;
import java.util.Map;

/**
 * Translates the query string of {@code GET /api/search} into a {@link SearchRequest}. Domain checks
 * (size range, page, from after to) stay in the request itself; this class only reads types.
 */
final class SearchParams {

  /** Every parameter {@code /api/search} reads; the OpenAPI document must describe each of them. */
  static final List<String> NAMES = List.of("q", "topic", "provider", "category", "kind", "year", "from", "to",
      "minQuality", "published", "sort", "page", "size", "cursor", "explain", "collapse",
      "facets", "highlight");

  /** The parameters that may repeat, each value an alternative (OR within the facet). */
  static final List<String> REPEATABLE = List.of("topic", "provider", "category", "kind", "year");

  private SearchParams() {}

  static SearchRequest parse(Map<String, List<String>> queryString) {
    return builder(queryString).build();
  }

  /** The request the query string asks for, to complete with what the server adds (a time limit). */
  static SearchRequest.Builder builder(Map<String, List<String>> queryString) {
    QueryParams p = new QueryParams(queryString);
    SearchRequest.Builder b = SearchRequest.builder()
        .query(p.string("q").orElse(""))
        .topic(p.all("topic").toArray(String[]::new))
        .provider(p.all("provider").toArray(String[]::new))
        .category(p.all("category").toArray(String[]::new))
        .kind(p.all("kind").toArray(String[]::new))
        .year(p.all("year").toArray(String[]::new))
        .from(p.instant("from", false).orElse(null))
        .to(p.instant("to", true).orElse(null))
        .page(p.integer("page", 1))
        .size(p.integer("size", SearchRequest.DEFAULT_SIZE))
        .cursor(p.string("cursor").orElse(null))
        .explain(p.bool("explain", false))
        .collapse(p.bool("collapse", true))
        .facets(p.bool("facets", true))
        .highlight(p.bool("highlight", true));
    p.integer("minQuality").ifPresent(b::minQuality);
    p.bool("published").ifPresent(b::published);
    p.string("sort").map(SortOrder::parse).ifPresent(b::sort);
    return b;
  }
}
