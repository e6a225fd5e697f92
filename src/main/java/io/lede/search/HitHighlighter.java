package io.lede.search;

import io.lede.index.Schema;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks the query's matches in titles and excerpts with {@code <mark>}, through Lucene's
 * UnifiedHighlighter reading the offsets stored in the postings (no re-analysis). The whole field is
 * one passage: titles and excerpts are short and a reader should see all of them. Every other
 * character is HTML-escaped, by the same rules as {@link HtmlEscaper}, so a title containing
 * {@code <script>} arrives as text, never as markup.
 */
final class HitHighlighter {

  static final String MARK = "<mark>";
  static final String UNMARK = "</mark>";

  /**
   * Query fields whose terms are looked up in a highlighted field: the title shows stemmed and exact
   * matches of the title fields, the excerpt those of the text fields; names are not shown there.
   */
  private static final Set<String> MATCHING_FIELDS =
      Set.of(Schema.TITLE, Schema.TITLE_EXACT, Schema.EXCERPT, Schema.TEXT_EXACT);

  private static final String[] FIELDS = {Schema.TITLE, Schema.EXCERPT};

  private final Analyzer analyzer = Schema.analyzer();

  /** Highlights of each document in {@code docs} (global doc numbers), in the same order. */
  Highlights[] highlight(IndexSearcher searcher, Query query, int[] docs, String[] titles, String[] excerpts)
      throws IOException {
    Highlights[] out = new Highlights[docs.length];
    if (docs.length == 0) return out;
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withBreakIterator(WholeBreakIterator::new)
        .withFormatter(new EscapingFormatter())
        .withFieldMatcher(MATCHING_FIELDS::contains)
        .withHighlightPhrasesStrictly(true)
        .withMaxLength(10_000)
        .build();
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
