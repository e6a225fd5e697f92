package io.lede.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The answers one searcher has already given, by request (as Solr's query result cache): a news
 * audience asks the same few things at once — the front page, the story of the hour — and an answer
 * depends on nothing but the request and the searcher, so a repeated request costs a lookup. Bounded
 * by the hits held, least recently and least often used first out; a new generation or commit brings a
 * new searcher and with it an empty cache, so an answer is never stale. Thread-safe.
 */
public final class ResultCache {

  /** Hits and misses over the life of a {@code Lede}, across its searchers. */
  public static final class Counters {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public long hits() {
      return hits.sum();
    }

    public long misses() {
      return misses.sum();
    }
  }

  private final Cache<SearchRequest, SearchResponse> answers;
  private final Counters counters;

  /** @param maxEntries answers of a default page (ten hits) kept; 0 keeps none */
  ResultCache(int maxEntries, Counters counters) {
    checkSize(maxEntries);
    // Weighed by hits, so that room for N answers of a default page is N answers of a default page
    // however large the pages asked for: an answer of a hundred hits takes ten places.
    this.answers = maxEntries == 0 ? null : Caffeine.newBuilder()
        .maximumWeight((long) maxEntries * SearchRequest.DEFAULT_SIZE)
        .<SearchRequest, SearchResponse>weigher((request, answer) -> Math.max(1, answer.hits().size()))
        .executor(Runnable::run) // evict on the caller's thread: at once, and no pool of its own
        .build();
    this.counters = counters;
  }

  /** Refuses a size no cache can have. */
  static void checkSize(int maxEntries) {
    if (maxEntries < 0) throw new IllegalArgumentException("result cache size must be 0 or more, not " + maxEntries);
  }

  /**
   * The answer to {@code request}, searched by {@code search} unless it is known. Failures and partial
   * answers (cut short by a time limit) are not kept: the next request searches again.
   *
   * <p>A known answer is returned as the same object every time, with {@code tookMs} 0 (a lookup takes
   * no measurable time), so a caller may keep what it derives from it (the server keeps its JSON) for as
   * long as the answer stays here.
   */
  public SearchResponse get(SearchRequest request, Function<SearchRequest, SearchResponse> search) {
    if (answers == null) return search.apply(request);
    Optional<SearchResponse> known = known(request);
    if (known.isPresent()) return known.get();
    counters.misses.increment();
    SearchResponse answer = search.apply(request);
    if (!answer.partial()) answers.put(request, answer.withTookMs(0));
    return answer;
  }

  /** The known answer to {@code request}, if there is one (counted as a hit); never searches. */
  public Optional<SearchResponse> known(SearchRequest request) {
    if (answers == null) return Optional.empty();
    SearchResponse known = answers.getIfPresent(request);
    if (known != null) counters.hits.increment();
    return Optional.ofNullable(known);
  }
}
