package io.lede.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the live index holds.
 *
 * @param facets every facet dimension with its values and document counts, most frequent first
 */
public record LedeStats(
    String generation,
    long documents,
    long articles,
    long related,
    long duplicatesMerged,
    int files,
    int problems,
    Instant builtAt,
    Map<String, List<FacetCount>> facets) {

  public LedeStats {
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }
}
