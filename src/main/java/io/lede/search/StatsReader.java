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
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;

/** Reads {@link LedeStats} from a searcher: build counts from the commit, facet counts over all documents. */
final class StatsReader {
  private StatsReader() {}

  static LedeStats read(IndexSearcher searcher, String generation) throws IOException {
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    IndexStats built = IndexStats.fromCommitData(reader.getIndexCommit().getUserData());
    Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
    if (reader.numDocs() > 0) {
      // A Lede searcher holds the facet ordinals already; building them again costs a pass over every segment.
      var state = searcher instanceof LedeSearcher lede && lede.facetState() != null
          ? lede.facetState()
          : new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
      var counts = new SortedSetDocValuesFacetCounts(state);
      for (String dim : List.of(Schema.FACET_TOPIC, Schema.FACET_PROVIDER, Schema.FACET_CATEGORY, Schema.FACET_KIND,
          Schema.FACET_PUBLISHED, Schema.FACET_DATE)) {
        FacetResult result = counts.getAllChildren(dim);
        List<FacetCount> values = new ArrayList<>();
        if (result != null) {
          for (LabelAndValue lv : result.labelValues) values.add(new FacetCount(lv.label, lv.value.longValue()));
        }
        values.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value()));
        facets.put(dim.equals(Schema.FACET_DATE) ? "year" : dim, values);
      }
    }
    return new LedeStats(generation, reader.numDocs(), built.articles(), built.related(), built.duplicatesMerged(),
        built.files(), built.problems(), built.builtAt(), facets);
  }
}
