package io.lede.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage's distinct terms, times the position norm), computed
 * without a hash table per passage. Lucene's own builds a {@code BytesRefHash}, whose first term takes a
 * 32 KB block: with a passage per highlighted field and hit, that was over a third of the memory a search
 * allocated. A passage has a handful of matches, so distinct terms are found by comparing with the few
 * seen before, in the same order (the sum's order, hence its rounding, is Lucene's).
 */
final class LeanPassageScorer extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    BytesRef[] distinct = new BytesRef[matches];
    int[] inPassage = new int[matches];
    int[] inDoc = new int[matches];
    int size = 0;
    for (int i = 0; i < matches; i++) {
      int at = 0;
      while (at < size && !distinct[at].bytesEquals(terms[i])) at++;
      if (at == size) {
        distinct[size] = terms[i];
        inDoc[size] = freqsInDoc[i];
        size++;
      }
      inPassage[at]++;
    }
    double score = 0;
    for (int t = 0; t < size; t++) score += tf(inPassage[t], passage.getLength()) * weight(contentLength, inDoc[t]);
    return (float) (score * norm(passage.getStartOffset()));
  }
}
