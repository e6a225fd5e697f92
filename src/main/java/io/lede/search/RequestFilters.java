package io.lede.search;

import io.lede.index.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A request's filters as Lucene queries. Facet filters (topic, provider, category, kind, year) become
 * drill-down dimensions, so that each dimension can be counted as if it were not selected (drill
 * sideways; values within one dimension are alternatives); the others (dates, quality, published) filter
 * everything, counts included. None of them changes a score.
 */
final class RequestFilters {
  private RequestFilters() {}

  /** {@code text} restricted by the non-facet filters; scores are {@code text}'s own. */
  static Query filtered(Query text, SearchRequest r, FacetsConfig config) {
    List<Query> filters = new ArrayList<>();
    if (r.from().isPresent() || r.to().isPresent()) {
      long from = r.from().map(java.time.Instant::toEpochMilli).orElse(Long.MIN_VALUE);
      long to = r.to().map(java.time.Instant::toEpochMilli).orElse(Long.MAX_VALUE);
      filters.add(LongPoint.newRangeQuery(Schema.PUBLISHED_AT, from, to));
    }
    r.minQuality().ifPresent(min -> filters.add(LongPoint.newRangeQuery(Schema.QUALITY, min, Long.MAX_VALUE)));
    r.published().ifPresent(p -> filters.add(new TermQuery(DrillDownQuery.term(
        config.getDimConfig(Schema.FACET_PUBLISHED).indexFieldName, Schema.FACET_PUBLISHED, String.valueOf(p)))));
    if (filters.isEmpty()) return text;
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
    for (Query f : filters) b.add(f, Occur.FILTER);
    return b.build();
  }

  /** {@code base} drilled down into the selected facet values, dimension by dimension in {@link #selection} order. */
  static DrillDownQuery drillDown(Query base, SearchRequest r, FacetsConfig config) {
    DrillDownQuery q = new DrillDownQuery(config, base);
    selections(r).forEach((dim, values) -> values.forEach(v -> q.add(dim, v)));
    return q;
  }

  /**
   * {@code base} restricted to the documents drill sideways can use: those matching all but at most one
   * of the selected dimensions (a hit matches all, a near miss all but one), so that the base's
   * conjunction skips the rest. {@code base} itself with fewer than two dimensions selected, when every
   * match is a hit or a near miss.
   */
  static Query sidewaysBase(Query base, FacetSelection selection, FacetsConfig config) {
    if (selection.dims().size() < 2) return base;
    BooleanQuery.Builder dims = new BooleanQuery.Builder().setMinimumNumberShouldMatch(selection.dims().size() - 1);
    for (String dim : selection.dims()) {
      String field = config.getDimConfig(dim).indexFieldName;
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String v : selection.values(dim)) any.add(new TermQuery(DrillDownQuery.term(field, dim, v)), Occur.SHOULD);
      dims.add(any.build(), Occur.SHOULD);
    }
    return new BooleanQuery.Builder().add(base, Occur.MUST).add(dims.build(), Occur.FILTER).build();
  }

  /** The request's selected facet values, dimension by dimension. */
  static FacetSelection selection(SearchRequest r) {
    return FacetSelection.of(selections(r));
  }

  private static Map<String, List<String>> selections(SearchRequest r) {
    Map<String, List<String>> selected = new LinkedHashMap<>();
    for (var dim : List.of(Map.entry(Schema.FACET_TOPIC, r.topics()), Map.entry(Schema.FACET_PROVIDER, r.providers()),
        Map.entry(Schema.FACET_CATEGORY, r.categories()), Map.entry(Schema.FACET_KIND, r.kinds()),
        Map.entry(Schema.FACET_YEAR, r.years()))) {
      if (!dim.getValue().isEmpty()) selected.put(dim.getKey(), dim.getValue());
    }
    return selected;
  }
}
