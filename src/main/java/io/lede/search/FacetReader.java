package io.lede.search;

import io.lede.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Reads the facet counts a response shows: topic, provider, category and kind (the most frequent
 * values, plus every selected one so a reader can always unselect it), all years (newest first) and
 * the months of each selected year ("2020-01", in calendar order).
 */
final class FacetReader {

  /** Values listed per dimension, as Elasticsearch's default terms aggregation size... doubled. */
  static final int TOP_VALUES = 20;

  /** Response key of each flat dimension, in display order. */
  static final Map<String, String> FLAT = orderedMap(
      "topic", Schema.FACET_TOPIC, "provider", Schema.FACET_PROVIDER,
      "category", Schema.FACET_CATEGORY, "kind", Schema.FACET_KIND);

  private FacetReader() {}

  /**
   * @param facets counts of the dimensions every search counts, drill-sideways
   * @param months month counts of the hits (with every filter applied), or null when no year is selected
   */
  static Map<String, List<FacetCount>> read(Facets facets, Facets months, SearchRequest request, Predicate<String> indexed)
      throws IOException {
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : FLAT.entrySet()) {
      List<FacetCount> values = indexed.test(e.getValue()) ? top(facets, e.getValue()) : new ArrayList<>();
      for (String selected : selected(request, e.getKey())) {
        if (values.stream().noneMatch(v -> v.value().equals(selected))) {
          Number n = indexed.test(e.getValue()) ? facets.getSpecificValue(e.getValue(), selected) : null;
          values.add(new FacetCount(selected, n == null || n.longValue() < 0 ? 0 : n.longValue()));
        }
      }
      out.put(e.getKey(), values);
    }
    List<FacetCount> years = indexed.test(Schema.FACET_YEAR) ? all(facets, Schema.FACET_YEAR) : new ArrayList<>();
    years.sort(Comparator.comparing(FacetCount::value).reversed());
    out.put("year", years);
    List<FacetCount> inYears = new ArrayList<>();
    if (months != null && indexed.test(Schema.FACET_MONTH)) {
      for (FacetCount m : all(months, Schema.FACET_MONTH)) {
        if (request.years().stream().anyMatch(y -> m.value().startsWith(y + "-"))) inYears.add(m);
      }
      inYears.sort(Comparator.comparing(FacetCount::value));
    }
    out.put("month", inYears);
    return out;
  }

  private static List<FacetCount> top(Facets facets, String dim) throws IOException {
    try {
      return sortedByCount(facets.getTopChildren(TOP_VALUES, dim));
    } catch (IllegalArgumentException e) {
      return new ArrayList<>(); // no document of this index has the dimension
    }
  }

  private static List<FacetCount> all(Facets facets, String dim, String... path) throws IOException {
    try {
      return sortedByCount(facets.getAllChildren(dim, path));
    } catch (IllegalArgumentException e) {
      return new ArrayList<>(); // the dimension or the path is not in this index
    }
  }

  private static List<FacetCount> sortedByCount(FacetResult r) {
    List<FacetCount> values = new ArrayList<>();
    if (r == null) return values;
    for (LabelAndValue lv : r.labelValues) {
      if (lv.value.longValue() > 0) values.add(new FacetCount(lv.label, lv.value.longValue()));
    }
    values.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
    return values;
  }

  private static List<String> selected(SearchRequest r, String key) {
    return switch (key) {
      case "topic" -> r.topics();
      case "provider" -> r.providers();
      case "category" -> r.categories();
      case "kind" -> r.kinds();
      default -> List.of();
    };
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return java.util.Collections.unmodifiableMap(m);
  }
}
