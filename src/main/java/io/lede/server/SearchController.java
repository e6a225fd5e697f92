package io.lede.server;

import io.javalin.http.Context;
import io.lede.search.SearchRequest;
import io.lede.search.Suggestion;
import java.util.List;

/** {@code GET /api/search} and {@code GET /api/suggest}. */
final class SearchController {
  static final int DEFAULT_SUGGESTIONS = 8;
  static final int MAX_SUGGESTIONS = 50;

  /** The body of {@code /api/suggest}. */
  record SuggestResponse(String query, List<Suggestion> suggestions) {}

  private final SearchService service;
  private final QueryRunner runner;

  SearchController(SearchService service, QueryRunner runner) {
    this.service = service;
    this.runner = runner;
  }

  void search(Context ctx) {
    SearchRequest request = SearchParams.parse(ctx.queryParamMap());
    ctx.json(runner.call(() -> service.search(request)));
  }

  void suggest(Context ctx) {
    QueryParams params = new QueryParams(ctx.queryParamMap());
    String prefix = params.string("q").orElse("");
    int size = params.integer("size", DEFAULT_SUGGESTIONS, 1, MAX_SUGGESTIONS);
    List<Suggestion> suggestions = prefix.isEmpty() ? List.of() : runner.call(() -> service.suggest(prefix, size));
    ctx.json(new SuggestResponse(prefix, suggestions));
  }
}
