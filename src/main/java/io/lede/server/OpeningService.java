package io.lede.server;

import io.lede.search.Hit;
import io.lede.search.ItemDetails;
import io.lede.search.LedeStats;
import io.lede.search.ResultCache;
import io.lede.search.SearchRequest;
import io.lede.search.SearchResponse;
import io.lede.search.Suggestion;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service whose index is still being opened. The server can start listening at once (a large index
 * takes seconds to open: facet ordinals, caches) and answer 503 with {@code Retry-After} until
 * {@link #ready} hands it the real service; {@code /api/health} is 503 in that window, as for any
 * server without an open searcher.
 */
public final class OpeningService implements SearchService {

  private final AtomicReference<SearchService> delegate = new AtomicReference<>();

  /** From now on every call goes to {@code service}. */
  public void ready(SearchService service) {
    delegate.set(service);
  }

  private SearchService open() {
    SearchService service = delegate.get();
    if (service == null) throw new ServiceUnavailableException("the index is still opening; try again shortly");
    return service;
  }

  @Override
  public SearchResponse search(SearchRequest request) {
    return open().search(request);
  }

  @Override
  public Optional<SearchResponse> cached(SearchRequest request) {
    SearchService service = delegate.get();
    return service == null ? Optional.empty() : service.cached(request);
  }

  @Override
  public Optional<ItemDetails> item(String id) {
    return open().item(id);
  }

  @Override
  public List<Hit> similar(String id, int n) {
    return open().similar(id, n);
  }

  @Override
  public List<Suggestion> suggest(String prefix, int n) {
    return open().suggest(prefix, n);
  }

  @Override
  public LedeStats stats() {
    return open().stats();
  }

  @Override
  public String generation() {
    SearchService service = delegate.get();
    return service == null ? "" : service.generation();
  }

  @Override
  public ResultCache.Counters resultCache() {
    SearchService service = delegate.get();
    return service == null ? NO_CACHE : service.resultCache();
  }

  @Override
  public boolean refresh() throws IOException {
    SearchService service = delegate.get();
    return service != null && service.refresh();
  }
}
