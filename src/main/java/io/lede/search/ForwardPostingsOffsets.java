package io.lede.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.HighlightFlag;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;
import org.apache.lucene.util.BytesRef;

/**
 * The UnifiedHighlighter's offsets from the postings for a query of plain terms, looking each term up
 * once per segment and walking its postings forward through the page's documents.
 *
 * <p>Lucene's own strategy looks every term up again, and opens its postings again, for every
 * document: for a page of ten hits, two fields and a few words, some sixty term lookups in a large
 * term dictionary, a tenth of a default search at a million documents. The highlighter asks for the
 * documents of a field in increasing order, which is what lets one postings enum per term serve them
 * all (a term absent from a document is simply not there when its postings pass it); should a caller
 * ever go back, the terms are looked up afresh. Same offsets, same marks.
 */
final class ForwardPostingsOffsets extends FieldOffsetStrategy {

  private LeafReader leaf;
  private PostingsEnum[] postings;
  private int lastDoc = -1;

  ForwardPostingsOffsets(UHComponents components) {
    super(components);
  }

  /** True when {@code components} ask for nothing but plain terms (no phrases, wildcards or Matches). */
  static boolean handles(UHComponents components) {
    return components.automata().length == 0 && !components.phraseHelper().hasPositionSensitivity()
        && !components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES);
  }

  UHComponents components() {
    return components;
  }

  @Override
  public OffsetSource getOffsetSource() {
    return OffsetSource.POSTINGS;
  }

  @Override
  public OffsetsEnum getOffsetsEnum(LeafReader reader, int doc, String content) throws IOException {
    BytesRef[] terms = components.terms();
    // Positions of a document are read once: asked for the same or an earlier document, start over.
    if (reader != leaf || doc <= lastDoc) open(reader);
    lastDoc = doc;
    if (postings == null) return OffsetsEnum.EMPTY;
    List<OffsetsEnum> found = new ArrayList<>(terms.length);
    for (int i = 0; i < terms.length; i++) {
      PostingsEnum p = postings[i];
      if (p == null) continue;
      int at = p.docID() < doc ? p.advance(doc) : p.docID();
      if (at == doc) found.add(new OffsetsEnum.OfPostings(terms[i], p));
    }
    return switch (found.size()) {
      case 0 -> OffsetsEnum.EMPTY;
      case 1 -> found.get(0);
      default -> new OffsetsEnum.MultiOffsetsEnum(found);
    };
  }

  private void open(LeafReader reader) throws IOException {
    leaf = reader;
    postings = null;
    Terms index = reader.terms(getField());
    if (index == null) return;
    BytesRef[] terms = components.terms();
    postings = new PostingsEnum[terms.length];
    TermsEnum termsEnum = index.iterator();
    for (int i = 0; i < terms.length; i++) {
      if (!termsEnum.seekExact(terms[i])) continue;
      PostingsEnum p = termsEnum.postings(null, PostingsEnum.OFFSETS);
      if (p == null) throw new IllegalArgumentException("field '" + getField() + "' was indexed without offsets, cannot highlight");
      postings[i] = p;
    }
  }
}
