package io.lede.server;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.lede.search.Hit;
import io.lede.search.ImageRef;
import io.lede.search.ItemDetails;
import io.lede.search.SearchRequest;
import java.util.List;

/** {@code GET /api/items/{id}} and {@code GET /api/items/{id}/similar}. */
final class ItemController {
  static final int DEFAULT_SIMILAR = 5;

  /** An item as the API shows it: the hit's fields, then the details only the item page needs. */
  record ItemView(@JsonUnwrapped Hit hit, String body, List<String> alternateUrls, List<ImageRef> images,
      List<String> sources) {
    static ItemView of(ItemDetails d) {
      return new ItemView(d.hit(), d.body(), d.alternateUrls(), d.images(), d.sources());
    }
  }

  /** The body of {@code /similar}. */
  record SimilarResponse(List<Hit> hits) {}

  private final SearchService service;
  private final QueryRunner runner;

  ItemController(SearchService service, QueryRunner runner) {
    this.service = service;
    this.runner = runner;
  }

  void item(Context ctx) {
    String id = ctx.pathParam("id");
    ItemDetails details = runner.call(() -> service.item(id)).orElseThrow(() -> unknown(id));
    ctx.json(ItemView.of(details));
  }

  void similar(Context ctx) {
    String id = ctx.pathParam("id");
    int size = new QueryParams(ctx.queryParamMap()).integer("size", DEFAULT_SIMILAR, 1, SearchRequest.MAX_SIZE);
    List<Hit> hits = runner.call(() -> {
      List<Hit> found = service.similar(id, size);
      // An empty list is ambiguous: tell "nothing similar" (200) from "no such item" (404).
      return found.isEmpty() && service.item(id).isEmpty() ? null : found;
    });
    if (hits == null) throw unknown(id);
    ctx.json(new SimilarResponse(hits));
  }

  private static NotFoundResponse unknown(String id) {
    return new NotFoundResponse("no item with id '" + id + "'");
  }
}
