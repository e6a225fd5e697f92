package io.lede.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The text score Lucene gives each of a page's documents for a query, as {@code IndexSearcher#explain}
 * would report it, computed with one {@link Weight} for the page and one scorer per segment walking the
 * documents in order.
 *
 * <p>Why not {@code explain} per hit: each call builds the query's weight again (a term lookup per word
 * and field) and a scorer per clause for one document, and builds the whole explanation tree only for its
 * value; for a page of ten explained hits at a million documents that was a sixth of the search.
 */
final class TextScores {
  private TextScores() {}

  /** The score of each document of {@code docs} (top-level ids) that matches {@code query}; others are absent. */
  static Map<Integer, Double> of(IndexSearcher searcher, Query query, List<Integer> docs) throws IOException {
    Map<Integer, Double> scores = new HashMap<>();
    if (docs.isEmpty()) return scores;
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int[] sorted = docs.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
    int i = 0;
    while (i < sorted.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sorted[i], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      int last = IntStream.range(i, sorted.length).filter(k -> sorted[k] >= end).findFirst().orElse(sorted.length);
      Scorer scorer = weight.scorer(leaf);
      if (scorer != null) {
        DocIdSetIterator it = scorer.iterator();
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        for (int k = i; k < last; k++) {
          int target = sorted[k] - leaf.docBase;
          int at = it.docID() < target ? it.advance(target) : it.docID();
          if (at == target && (twoPhase == null || twoPhase.matches())) scores.put(sorted[k], (double) scorer.score());
        }
      }
      i = last;
    }
    return scores;
  }
}
