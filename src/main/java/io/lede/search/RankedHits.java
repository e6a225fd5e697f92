package io.lede.search;

import io.lede.index.DocumentMapper;
import io.lede.index.Schema;
import io.lede.index.StoryDoc;
import io.lede.index.StorySignature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.FieldDoc;

/**
 * Reads what collapsing and paging need about each hit of a ranked window — signature, date, sort
 * values — from doc values, visiting documents in index order as doc values want. No stored
 * document is loaded (except for an index built before signatures existed).
 */
final class RankedHits {
  private RankedHits() {}

  /**
   * @param fallback makes signatures for an index without them; null when no signature is needed (no
   *     collapsing, no provider cap): then only ids and sort values are read
   */
  static List<RankedHit> read(IndexReader reader, FieldDoc[] docs, int scoreIndex, StorySignature.Maker fallback)
      throws IOException {
    int n = docs.length;
    if (fallback == null) {
      List<RankedHit> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Object[] values = docs[i].fields;
        out.add(new RankedHit(i, docs[i].doc, SortSpec.idOf(values[values.length - 1]), (Float) values[scoreIndex], values,
            null, null));
      }
      return out;
    }
    StorySignature[] signatures = new StorySignature[n];
    Long[] published = new Long[n];
    Integer[] byDoc = new Integer[n];
    for (int i = 0; i < n; i++) byDoc[i] = i;
    Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i].doc));
    List<LeafReaderContext> leaves = reader.leaves();
    int leafIndex = -1;
    LeafReaderContext leaf = null;
    BinaryDocValues sig = null;
    NumericDocValues date = null;
    for (int i : byDoc) {
      int doc = docs[i].doc;
      int li = ReaderUtil.subIndex(doc, leaves);
      if (li != leafIndex) {
        leafIndex = li;
        leaf = leaves.get(li);
        sig = leaf.reader().getBinaryDocValues(Schema.STORY_SIGNATURE);
        date = DocValues.getNumeric(leaf.reader(), Schema.PUBLISHED_AT);
      }
      int local = doc - leaf.docBase;
      if (sig != null && sig.advanceExact(local)) {
        signatures[i] = StorySignature.decode(sig.binaryValue());
      } else if (sig == null) {
        StoryDoc story = DocumentMapper.fromStored(leaf.reader().storedFields().document(local));
        signatures[i] = fallback.of(story.story().provider().name(), story.story().title(), story.story().excerpt());
      }
      if (date.advanceExact(local)) published[i] = date.longValue();
    }
    List<RankedHit> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Object[] values = docs[i].fields;
      String id = SortSpec.idOf(values[values.length - 1]);
      out.add(new RankedHit(i, docs[i].doc, id, (Float) values[scoreIndex], values, signatures[i], published[i]));
    }
    return out;
  }
}
