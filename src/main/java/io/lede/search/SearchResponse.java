package io.lede.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total hits matching the query and filters (before collapsing)
 * @param nextCursor pass back as {@code cursor} for the next page; empty on the last page
 * @param didYouMean a corrected query when few hits were found and a better spelling exists
 * @param matched how the query's words had to match for the hits and counts given: every word unless that
 *     found nothing (then typos allowed, then most of the words, then any word); {@link WordMatch#ALL_WORDS} for a
 *     browse
 * @param partial true when a time limit cut the search short
 * @param facets counts per facet dimension (topic, provider, category, kind, year, month)
 */
public record SearchResponse(
    String query,
    long total,
    long tookMs,
    int page,
    int size,
    Optional<String> nextCursor,
    Optional<String> didYouMean,
    WordMatch matched,
    boolean partial,
    List<Hit> hits,
    Map<String, List<FacetCount>> facets) {

  public SearchResponse {
    hits = List.copyOf(hits);
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }

  /** The same answer, as given again after {@code ms}. */
  public SearchResponse withTookMs(long ms) {
    return new SearchResponse(query, total, ms, page, size, nextCursor, didYouMean, matched, partial, hits, facets);
  }
}
