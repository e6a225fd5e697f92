package io.lede.search;

import io.lede.index.DocumentMapper;
import io.lede.index.Schema;
import io.lede.index.StoryDoc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Title autocompletion, infix: every typed word must begin some word of the title, in any position
 * ("rec" finds "Facial recognition ..."). Each word prefix is one term of {@link Schema#TITLE_SUGGEST},
 * indexed as edge n-grams, so a keystroke costs one term lookup per word however large the index —
 * no suggester index to rebuild per generation. Matches are ranked by BM25 on those terms (a short
 * title that matches ranks above a long one) times the ranking profile's quality, heat and recency
 * factors; the same title told twice is suggested once.
 */
final class TitleSuggester {

  /** Candidates read per suggestion asked, so repeated titles can be dropped and the list still fills. */
  static final int OVERFETCH = 4;

  private final Analyzer queryAnalyzer = Schema.suggestQueryAnalyzer();

  List<Suggestion> suggest(LedeSearcher searcher, String prefix, int n) throws IOException {
    List<String> words = words(prefix);
    if (words.isEmpty() || n <= 0) return List.of();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String w : words) {
      String cut = w.length() > Schema.SUGGEST_MAX_PREFIX ? w.substring(0, Schema.SUGGEST_MAX_PREFIX) : w;
      // An index built before the suggest field existed still answers, through (slower) prefix queries.
      Query q = searcher.hasSuggestField()
          ? new TermQuery(new Term(Schema.TITLE_SUGGEST, cut))
          : new PrefixQuery(new Term(Schema.TITLE_EXACT, w));
      b.add(q, Occur.MUST);
    }
    Query ranked = new SignalBoostQuery(b.build(), searcher.signals(RankingProfile.DEFAULT), RankingProfile.DEFAULT.maxFactor());
    TopDocs top = searcher.search(ranked, n * OVERFETCH);
    List<Suggestion> out = new ArrayList<>(n);
    Set<String> seen = new HashSet<>();
    var stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      StoryDoc story = DocumentMapper.fromStored(stored.document(sd.doc, DocumentMapper.SOURCE_ONLY));
      String title = story.story().title();
      if (title.isBlank() || !seen.add(title.strip().toLowerCase(Locale.ROOT))) continue;
      out.add(new Suggestion(title, story.id()));
      if (out.size() == n) break;
    }
    return out;
  }

  private List<String> words(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = queryAnalyzer.tokenStream(Schema.TITLE_SUGGEST, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing in memory cannot fail", e);
    }
    return out;
  }
}
