package io.lede.search;

import io.lede.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks the query's matches in titles and excerpts with {@code <mark>}, through Lucene's
 * UnifiedHighlighter reading the offsets stored in the postings (no re-analysis), each term's postings
 * walked forward through the page ({@link ForwardPostingsOffsets}) unless the query needs more. The whole field is
 * one passage: titles and excerpts are short and a reader should see all of them. Every other
 * character is HTML-escaped, by the same rules as {@link HtmlEscaper}, so a title containing
 * {@code <script>} arrives as text, never as markup.
 */
final class HitHighlighter {

  static final String MARK = "<mark>";
  static final String UNMARK = "</mark>";

  private static final String[] FIELDS = {Schema.TITLE, Schema.EXCERPT};

  private final Analyzer analyzer = Schema.analyzer();

  /**
   * Highlights of each document in {@code docs} (global doc numbers), in the same order.
   *
   * @param query a query on the highlighted fields themselves ({@link QueryFactory#highlightQuery})
   * @param titles the documents' titles, already loaded: the highlighter does not read them again
   */
  Highlights[] highlight(IndexSearcher searcher, Query query, int[] docs, String[] titles, String[] excerpts)
      throws IOException {
    Highlights[] out = new Highlights[docs.length];
    if (docs.length == 0) return out;
    Map<Integer, Integer> index = new HashMap<>();
    for (int i = 0; i < docs.length; i++) index.put(docs[i], i);
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
        .withBreakIterator(WholeBreakIterator::new)
        .withFormatter(new EscapingFormatter())
        .withHighlightPhrasesStrictly(true)
        .withMaxLength(10_000)
        // Without a phrase, offsets come straight from each term's postings (prefixes expanded): the same
        // marks as asking the query's Weight for Matches per document, for a sixth less CPU in a default
        // search at 1M documents (bench/search, p50 1.06 -> 0.82 ms). Only Matches mark a phrase as one.
        .withWeightMatches(hasPhrase(query))
        .withHandleMultiTermQuery(true)
        .withScorer(new LeanPassageScorer());
    UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
      @Override
      protected OffsetSource getOffsetSource(String field) {
        // The schema stores offsets in these fields' postings; asking the index would merge every
        // segment's field infos on each search (a tenth of a search's CPU).
        return OffsetSource.POSTINGS;
      }

      @Override
      protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
        return source == OffsetSource.POSTINGS && ForwardPostingsOffsets.handles(components)
            ? new ForwardPostingsOffsets(components)
            : super.getOffsetStrategy(source, components);
      }

      @Override
      protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
          throws IOException {
        // Documents come in index order, fields in the highlighter's own order.
        List<CharSequence[]> out = new ArrayList<>();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
          int i = index.get(doc);
          CharSequence[] values = new CharSequence[fields.length];
          for (int f = 0; f < fields.length; f++) values[f] = fields[f].equals(Schema.TITLE) ? titles[i] : excerpts[i];
          out.add(values);
        }
        return out;
      }
    };
    Map<String, String[]> marked = highlighter.highlightFields(FIELDS, query, docs, new int[] {1, 1});
    String[] t = marked.get(Schema.TITLE);
    String[] e = marked.get(Schema.EXCERPT);
    for (int i = 0; i < docs.length; i++) {
      out[i] = new Highlights(
          t[i] != null ? t[i] : HtmlEscaper.escape(titles[i]),
          e[i] != null ? e[i] : HtmlEscaper.escape(excerpts[i]));
    }
    return out;
  }

  private static boolean hasPhrase(Query query) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... terms) {
        if (q instanceof PhraseQuery) found[0] = true;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return found[0];
  }

  /** The escaped text without marks, for hits that were not highlighted. */
  static Highlights plain(String title, String excerpt) {
    return new Highlights(HtmlEscaper.escape(title), HtmlEscaper.escape(excerpt));
  }

  /** Lucene's formatter with {@code <mark>} tags, escaping exactly as {@link HtmlEscaper} does. */
  private static final class EscapingFormatter extends DefaultPassageFormatter {
    EscapingFormatter() {
      super(MARK, UNMARK, "… ", true);
    }

    @Override
    protected void append(StringBuilder dest, String content, int start, int end) {
      dest.append(HtmlEscaper.escape(content.substring(start, end)));
    }
  }
}
