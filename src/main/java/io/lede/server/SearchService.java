package io.lede.server;

import io.lede.Lede;
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

/**
 * What the HTTP layer needs from Lede, and nothing about HTTP. The server talks to this seam rather than
 * to {@link Lede} directly so tests can put a failing or slow service behind real routes.
 */
public interface SearchService {

  SearchResponse search(SearchRequest request);

  /**
   * The answer already known for {@code request} (the result cache's), without searching; cheap enough
   * for an HTTP thread. Empty for a service without a cache.
   */
  default Optional<SearchResponse> cached(SearchRequest request) {
    return Optional.empty();
  }

  Optional<ItemDetails> item(String id);

  List<Hit> similar(String id, int n);

  List<Suggestion> suggest(String prefix, int n);

  LedeStats stats();

  /** The live generation; empty when no searcher is open. */
  String generation();

  /** Catches up with newly published generations or commits; true when a searcher is open. */
  boolean refresh() throws IOException;

  /** Hits and misses of the result cache (none for a service without one). */
  default ResultCache.Counters resultCache() {
    return NO_CACHE;
  }

  /** The counters of a service without a result cache: always zero. */
  ResultCache.Counters NO_CACHE = new ResultCache.Counters();

  /** The embedded facade as a service. */
  static SearchService of(Lede lede) {
    return new SearchService() {
      @Override
      public SearchResponse search(SearchRequest request) {
        return lede.search(request);
      }

      @Override
      public Optional<SearchResponse> cached(SearchRequest request) {
        return lede.cached(request);
      }

      @Override
      public Optional<ItemDetails> item(String id) {
        return lede.item(id);
      }

      @Override
      public List<Hit> similar(String id, int n) {
        return lede.similar(id, n);
      }

      @Override
      public List<Suggestion> suggest(String prefix, int n) {
        return lede.suggest(prefix, n);
      }

      @Override
      public LedeStats stats() {
        return lede.stats();
      }

      @Override
      public String generation() {
        return lede.generation();
      }

      @Override
      public boolean refresh() throws IOException {
        return lede.refresh();
      }

      @Override
      public ResultCache.Counters resultCache() {
        return lede.resultCache();
      }
    };
  }
}
