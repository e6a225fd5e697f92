package io.lede.server;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.lede.search.SearchRequest;
import io.lede.search.SearchResponse;
import io.lede.search.Suggestion;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/search} and {@code GET /api/suggest}. */
final class SearchController {
  static final int DEFAULT_SUGGESTIONS = 8;
  static final int MAX_SUGGESTIONS = 50;
  /** Smaller answers go uncompressed, as Javalin's own compression leaves them. */
  static final int MIN_GZIP_BYTES = 1500;

  /** The body of {@code /api/suggest}. */
  record SuggestResponse(String query, List<Suggestion> suggestions) {}

  private final SearchService service;
  private final QueryRunner runner;
  private final Duration collectingLimit;
  private final AnswerJson json;

  /**
   * @param requestLimit the time limit of a request: collecting stops at half of it, leaving the rest to
   *     count the facets of what was found (about as long again, at a million documents) and answer it,
   *     marked partial, before the request would be cut off
   */
  SearchController(SearchService service, QueryRunner runner, Duration requestLimit, AnswerJson json) {
    this.service = service;
    this.json = json;
    this.runner = runner;
    this.collectingLimit = requestLimit.dividedBy(2);
  }

  void search(Context ctx) {
    SearchRequest request = SearchParams.builder(ctx.queryParamMap()).timeLimit(collectingLimit).build();
    // A known answer is sent from here, as written the first time; only a search goes to the pool.
    Optional<SearchResponse> known = service.cached(request);
    if (known.isPresent()) {
      sendKnown(ctx, json.of(known.get()));
    } else {
      ctx.json(runner.call(() -> service.search(request)));
    }
  }

  private static void sendKnown(Context ctx, AnswerJson.Written written) {
    ctx.contentType(ContentType.APPLICATION_JSON).header(Header.VARY, Header.ACCEPT_ENCODING);
    if (written.json().length >= MIN_GZIP_BYTES && AcceptEncoding.allowsGzip(ctx.header(Header.ACCEPT_ENCODING))) {
      ctx.disableCompression(); // already compressed
      ctx.header(Header.CONTENT_ENCODING, "gzip").result(written.gzip());
    } else {
      ctx.result(written.json());
    }
  }

  void suggest(Context ctx) {
    QueryParams params = new QueryParams(ctx.queryParamMap());
    String prefix = params.string("q").orElse("");
    int size = params.integer("size", DEFAULT_SUGGESTIONS, 1, MAX_SUGGESTIONS);
    List<Suggestion> suggestions = prefix.isEmpty() ? List.of() : runner.call(() -> service.suggest(prefix, size));
    ctx.json(new SuggestResponse(prefix, suggestions));
  }
}
