package io.lede.search;

import io.lede.index.IndexStats;
import io.lede.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;

/**
 * Reads {@link LedeStats} from a searcher: build counts from the commit, facet counts over all documents,
 * from the facet ordinals the searcher already holds.
 */
final class StatsReader {
  private StatsReader() {}

  /** Dimensions listed, in order; each with the ordinals it is read from. */
  private static final List<String> DIMS = List.of(Schema.FACET_TOPIC, Schema.FACET_PROVIDER, Schema.FACET_CATEGORY,
      Schema.FACET_KIND, Schema.FACET_PUBLISHED, Schema.FACET_YEAR);

  /** The stats of a searcher never change: counted once, on first request (a pass over every document). */
  static LedeStats read(LedeSearcher searcher, String generation) throws IOException {
    LedeStats cached = searcher.cachedStats();
    if (cached != null && cached.generation().equals(generation)) return cached;
    LedeStats stats = count(searcher, generation);
    searcher.cacheStats(stats);
    return stats;
  }

  private static LedeStats count(LedeSearcher searcher, String generation) throws IOException {
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    IndexStats built = IndexStats.fromCommitData(reader.getIndexCommit().getUserData());
    Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
    SortedSetDocValuesFacetCounts main = counts(searcher.facetState());
    SortedSetDocValuesFacetCounts rare = counts(searcher.rareFacetState());
    for (String dim : DIMS) {
      SortedSetDocValuesFacetCounts counts = dim.equals(Schema.FACET_PUBLISHED) ? rare : main;
      List<FacetCount> values = new ArrayList<>();
      if (counts != null && searcher.hasFacet(dim)) {
        FacetResult result = counts.getAllChildren(dim);
        if (result != null) {
          for (LabelAndValue lv : result.labelValues) values.add(new FacetCount(lv.label, lv.value.longValue()));
        }
      }
      values.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()));
      facets.put(dim, values);
    }
    return new LedeStats(generation, reader.numDocs(), built.articles(), built.related(), built.duplicatesMerged(),
        built.files(), built.problems(), built.builtAt(), facets);
  }

  private static SortedSetDocValuesFacetCounts counts(SortedSetDocValuesReaderState state) throws IOException {
    return state == null ? null : new SortedSetDocValuesFacetCounts(state);
  }
}
