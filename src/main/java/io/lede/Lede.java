package io.lede;

import io.lede.search.LedeSearcher;
import io.lede.search.LiveIndex;
import io.lede.search.NewsSearcher;
import io.lede.search.Synonyms;
import io.lede.search.ResultCache;
import io.lede.search.SearchRequest;
import io.lede.search.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Lede embedded: open an index home and search it in-process, with the same results as the HTTP API.
 * Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (Lede lede = Lede.open(Path.of("index"))) {
 *   SearchResponse r = lede.search(SearchRequest.of("facial recognition"));
 * }
 * }</pre>
 */
public final class Lede implements AutoCloseable {

  /** Answers kept per searcher unless told otherwise (see {@link ResultCache}). */
  public static final int DEFAULT_RESULT_CACHE = 1000;

  private final LiveIndex index;
  private final NewsSearcher engine;
  private final ResultCache.Counters cacheCounters;

  private Lede(LiveIndex index, ResultCache.Counters cacheCounters, Synonyms synonyms) {
    this.index = index;
    this.cacheCounters = cacheCounters;
    this.engine = new NewsSearcher(synonyms);
  }

  /** Opens the live generation under {@code indexHome}, keeping up to {@link #DEFAULT_RESULT_CACHE} answers. */
  public static Lede open(Path indexHome) throws IOException {
    return open(indexHome, DEFAULT_RESULT_CACHE);
  }

  /**
   * Opens the live generation under {@code indexHome}.
   *
   * @param resultCacheEntries room for this many answers of ten hits, kept for repeated requests per searcher; 0 searches every time
   */
  public static Lede open(Path indexHome, int resultCacheEntries) throws IOException {
    return open(indexHome, resultCacheEntries, Synonyms.bundled());
  }

  /**
   * Opens the live generation under {@code indexHome}, answering with these synonyms ({@link Synonyms#bundled()}
   * by default, {@link Synonyms#NONE} for none).
   */
  public static Lede open(Path indexHome, int resultCacheEntries, Synonyms synonyms) throws IOException {
    ResultCache.Counters counters = new ResultCache.Counters();
    return new Lede(LiveIndex.open(indexHome, LedeSearcher.factory(resultCacheEntries, counters)), counters, synonyms);
  }

  public SearchResponse search(SearchRequest request) {
    try (LiveIndex.Lease lease = index.acquire()) {
      LedeSearcher searcher = searcher(lease);
      return searcher.results().get(request, r -> {
        try {
          return engine.search(searcher, r);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /**
   * The answer the result cache holds for {@code request}, without searching: empty when it holds none
   * (or has no room). A caller that must not search on its own thread (the server's HTTP threads) asks
   * this first and hands only the rest to its search pool.
   */
  public Optional<SearchResponse> cached(SearchRequest request) {
    try (LiveIndex.Lease lease = index.acquire()) {
      return searcher(lease).results().known(request);
    }
  }

  /** How often {@link #search} answered from the result cache, and how often it searched. */
  public ResultCache.Counters resultCache() {
    return cacheCounters;
  }

  /** The story with this id, if the index holds it. */
  public java.util.Optional<io.lede.search.ItemDetails> item(String id) {
    try (LiveIndex.Lease lease = index.acquire()) {
      return engine.item(searcher(lease), id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Up to {@code n} stories most like the one with this id (empty when the id is unknown). */
  public java.util.List<io.lede.search.Hit> similar(String id, int n) {
    try (LiveIndex.Lease lease = index.acquire()) {
      return engine.similar(searcher(lease), id, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Up to {@code n} titles completing {@code prefix}. */
  public java.util.List<io.lede.search.Suggestion> suggest(String prefix, int n) {
    try (LiveIndex.Lease lease = index.acquire()) {
      return engine.suggest(searcher(lease), prefix, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts and facet values of the live index. */
  public io.lede.search.LedeStats stats() {
    try (LiveIndex.Lease lease = index.acquire()) {
      return io.lede.search.StatsAccess.read(searcher(lease), lease.generation());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every searcher of a Lede live index is a {@link LedeSearcher}: {@link LedeSearcher#factory()} made it. */
  private static LedeSearcher searcher(LiveIndex.Lease lease) {
    return (LedeSearcher) lease.searcher();
  }

  /** The generation being searched, e.g. {@code 000003}. */
  public String generation() {
    return index.generation();
  }

  /** Switches to a newly published generation or new commits, if any; true when a searcher is open. */
  public boolean refresh() throws IOException {
    return index.refresh();
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
