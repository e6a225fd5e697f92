package io.lede.search;

import io.lede.index.Schema;
import io.lede.search.ParsedQuery.Phrase;
import io.lede.search.ParsedQuery.Target;
import io.lede.search.ParsedQuery.Unit;
import io.lede.search.ParsedQuery.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link ParsedQuery} into the Lucene text query, with no index needed. Thread-safe.
 *
 * <p>Each word becomes a small tree: the best of its field matches (title, excerpt, body on stemmed
 * English text; provider and topic names), plus a bonus when the unstemmed word matches too. Words
 * are combined as one of the {@link WordMatch}es, tried in order by the searcher until one finds hits.
 */
public final class QueryFactory {

  /** How much a field's best match counts against its other matches (DisMax tie breaker). */
  static final float TIE_BREAKER = 0.3f;
  /** A typo match counts for this much of an exact one. */
  static final float FUZZY_WEIGHT = 0.5f;
  /** Fuzzy matching keeps the first letter: typos there are rare and it keeps expansion cheap. */
  static final int FUZZY_PREFIX = 1;
  static final int FUZZY_MAX_EXPANSIONS = 50;
  /**
   * Longer words are taken as typed: no word of the language is that long, and the typo automaton grows with
   * the word (a 300-letter word cost 100 ms to expand).
   */
  static final int MAX_FUZZY_LENGTH = 32;

  private final Analyzer analyzer = Schema.analyzer();

  /** The text query with typo tolerance for every word (fuzzy modes), as when the index knows none of them. */
  public Query textQuery(ParsedQuery parsed, RankingProfile profile, WordMatch mode) {
    return textQuery(parsed, profile, mode, Typos.of(word -> true));
  }

  /**
   * The text query for {@code parsed}; {@link MatchAllDocsQuery} (minus exclusions) when nothing was typed but
   * exclusions, {@link MatchNoDocsQuery} when what was typed has no word (symbols, punctuation).
   *
   * @param typos which words may be typos, in the fuzzy modes, and what matches them: a word the index has is
   *     taken as meant (Elasticsearch's "missing" rule), so "korean" is not widened to "korea" just because the
   *     other words did not all match
   */
  Query textQuery(ParsedQuery parsed, RankingProfile profile, WordMatch mode, Typos typos) {
    List<Query> groups = wordGroups(parsed, profile, mode, typos);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int required = mode.required(groups.size());
    if (groups.isEmpty()) {
      // Nothing typed (or exclusions only) browses; typed text with no word in it ("£", "!!!") finds nothing,
      // rather than every story under a count that reads as matches.
      b.add(parsed.isBrowse() ? new MatchAllDocsQuery() : new MatchNoDocsQuery("no word to search for"), Occur.MUST);
    } else if (required < groups.size()) {
      for (Query g : groups) b.add(g, Occur.SHOULD);
      b.setMinimumNumberShouldMatch(required);
    } else {
      for (Query g : groups) b.add(g, Occur.MUST);
    }
    for (Unit unit : parsed.excluded()) {
      Built built = unit(unit, profile, Typos.NONE);
      if (built != null && !built.stopWordsOnly()) b.add(built.query(), Occur.MUST_NOT);
    }
    BooleanQuery q = b.build();
    return q.clauses().size() == 1 && q.clauses().get(0).occur() == Occur.MUST ? q.clauses().get(0).query() : q;
  }

  /**
   * How many words the text query of {@code parsed} combines (groups of OR alternatives count as one; stop
   * words only when they are all there is), the number {@link WordMatch#required(int)} takes.
   */
  public int words(ParsedQuery parsed) {
    return wordGroups(parsed, RankingProfile.DEFAULT, WordMatch.ALL_WORDS, Typos.NONE).size();
  }

  private List<Query> wordGroups(ParsedQuery parsed, RankingProfile profile, WordMatch mode, Typos typos) {
    List<Query> groups = new ArrayList<>();
    List<Query> stopWordGroups = new ArrayList<>();
    for (List<Unit> group : parsed.required()) {
      List<Query> alternatives = new ArrayList<>();
      List<Query> stopAlternatives = new ArrayList<>();
      for (Unit unit : group) {
        Built built = unit(unit, profile, mode != WordMatch.ALL_WORDS ? typos : Typos.NONE);
        if (built == null) continue;
        (built.stopWordsOnly() ? stopAlternatives : alternatives).add(built.query());
      }
      if (!alternatives.isEmpty()) {
        groups.add(or(alternatives));
      } else if (!stopAlternatives.isEmpty()) {
        stopWordGroups.add(or(stopAlternatives));
      }
    }
    // Stop words ("the", "of") only matter when they are all a reader typed ("the who").
    return groups.isEmpty() ? stopWordGroups : groups;
  }

  /**
   * The query whose matches the highlighter marks: each unit on the two highlighted fields only
   * (title, excerpt), every unit an alternative, no exclusions. The highlighter looks at one field at a
   * time, where a required word that occurs only in the other field would hide the matches of the rest;
   * and a lean query makes its per-document matching cheap.
   *
   * <p>A typo is marked through the words it matched, never as a fuzzy query: a fuzzy (or any multi-term)
   * query sends Lucene's highlighter to analysing each hit's text again and expanding the typo against it,
   * field by field, which cost 70 – 170 ms a search for a few typos. And a typo's stem can be further from
   * the stem of the word it stands for than the typo is from the word ("presidnet" is one transposition from
   * "president", three edits from its stem "presid").
   *
   * @param typos which words may be typos, and the index's words each matched ({@link Typos#nearWords})
   */
  Query highlightQuery(ParsedQuery parsed, WordMatch mode, Typos typos) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    int max = IndexSearcher.getMaxClauseCount();
    for (List<Unit> group : parsed.required()) {
      for (Unit unit : group) {
        if (unit.target() == Target.PROVIDER || unit.target() == Target.TOPIC) continue;
        List<String> fields = unit.target() == Target.TITLE ? List.of(Schema.TITLE) : List.of(Schema.TITLE, Schema.EXCERPT);
        List<Token> stemmed = analyze(Schema.TITLE, unit.text());
        for (String field : fields) {
          if (clauses >= max - 2) break;
          if (unit instanceof Word w && w.prefix()) {
            b.add(prefixQuery(field, w.text()), Occur.SHOULD);
            clauses++;
          } else if (!stemmed.isEmpty()) {
            clauses += should(b, field, stemmed);
            if (mode != WordMatch.ALL_WORDS && unit instanceof Word && onePlace(stemmed) && typos.mayBe(unit.text())) {
              for (String near : typos.nearWords(asWritten(analyze(Schema.TITLE_EXACT, unit.text())))) {
                List<Token> stems = analyze(Schema.TITLE, near);
                if (clauses < max - 2 && !stems.isEmpty() && onePlace(stems)) clauses += should(b, field, stems);
              }
              Optional<String> apart = lettersAndDigitsApart(unit.text());
              if (apart.isPresent() && clauses < max - 2) clauses += should(b, field, analyze(Schema.TITLE, apart.get()));
            }
          }
        }
      }
    }
    return clauses == 0 ? new MatchNoDocsQuery("nothing to highlight") : b.build();
  }

  /** A unit's query, and whether it consists of stop words only. */
  private record Built(Query query, boolean stopWordsOnly) {}

  private Built unit(Unit unit, RankingProfile p, Typos typos) {
    List<Token> exact = analyze(Schema.TITLE_EXACT, unit.text());
    if (exact.isEmpty()) return null;
    if (unit instanceof Word w && w.prefix()) return new Built(prefix(w, p), false);
    List<Token> stemmed = analyze(Schema.TITLE, unit.text());
    boolean allowFuzzy = unit instanceof Word && onePlace(exact) && typos.mayBe(asWritten(exact));

    List<Query> match = new ArrayList<>();
    List<Query> exactMatch = new ArrayList<>();
    Target t = unit.target();
    if (t == Target.ALL || t == Target.TITLE) {
      add(match, Schema.TITLE, stemmed, p.titleWeight());
      add(exactMatch, Schema.TITLE_EXACT, exact, p.titleWeight() * p.exactWeight());
    }
    if (t == Target.ALL) {
      add(match, Schema.EXCERPT, stemmed, p.excerptWeight());
      add(match, Schema.BODY, stemmed, p.bodyWeight());
      add(exactMatch, Schema.TEXT_EXACT, exact, p.excerptWeight() * p.exactWeight());
    }
    if (t == Target.ALL || t == Target.PROVIDER) add(match, Schema.PROVIDER_TEXT, exact, t == Target.ALL ? p.nameWeight() : 1);
    if (t == Target.ALL || t == Target.TOPIC) add(match, Schema.TOPIC_TEXT, exact, t == Target.ALL ? p.nameWeight() : 1);

    boolean stopWordsOnly = stemmed.isEmpty() && (t == Target.ALL || t == Target.TITLE);
    if (stopWordsOnly) match.addAll(exactMatch); // the exact fields are all that can find a stop word
    if (match.isEmpty()) return null;
    // The word must match somewhere; the unstemmed form only adds to the score. As an optional clause
    // beside a required one, Lucene reads the exact postings only for documents that already match.
    Query word = sum(match);
    // When stemming leaves the words as typed ("london", "2020"), the stemmed match is already exact.
    boolean stemChanges = !stemmed.stream().map(Token::term).toList().equals(exact.stream().map(Token::term).toList());
    if (!stopWordsOnly && !exactMatch.isEmpty() && stemChanges) {
      word = new BooleanQuery.Builder().add(word, Occur.MUST).add(sum(exactMatch), Occur.SHOULD).build();
    }
    List<Query> alternatives = new ArrayList<>(List.of(word));
    if (allowFuzzy) {
      Query typo = fuzzy(asWritten(exact), t, p, typos);
      if (typo != null) alternatives.add(typo);
      Built parts = lettersAndDigitsApart(unit.text()).map(text -> unit(new Phrase(t, text), p, Typos.NONE)).orElse(null);
      if (parts != null) alternatives.add(parts.query());
    }
    return new Built(or(alternatives), stopWordsOnly);
  }

  private Query prefix(Word w, RankingProfile p) {
    String prefix = w.text();
    List<Query> alternatives = new ArrayList<>();
    Target t = w.target();
    if (t == Target.ALL || t == Target.TITLE) boost(alternatives, prefixQuery(Schema.TITLE_EXACT, prefix), p.titleWeight());
    if (t == Target.ALL) boost(alternatives, prefixQuery(Schema.TEXT_EXACT, prefix), p.excerptWeight());
    if (t == Target.ALL || t == Target.PROVIDER) boost(alternatives, prefixQuery(Schema.PROVIDER_TEXT, prefix), p.nameWeight());
    if (t == Target.ALL || t == Target.TOPIC) boost(alternatives, prefixQuery(Schema.TOPIC_TEXT, prefix), p.nameWeight());
    return alternatives.isEmpty() ? new MatchNoDocsQuery("no field to search") : dismax(alternatives);
  }

  /** Words starting with {@code prefix}, as written and, when it has marks, folded to ASCII as indexed too. */
  private static Query prefixQuery(String field, String prefix) {
    Query written = new PrefixQuery(new Term(field, prefix));
    char[] out = new char[prefix.length() * 4]; // the most a character folds to
    int n = ASCIIFoldingFilter.foldToASCII(prefix.toCharArray(), 0, out, 0, prefix.length());
    String folded = new String(out, 0, n);
    return folded.equals(prefix) ? written
        : new DisjunctionMaxQuery(List.of(written, new PrefixQuery(new Term(field, folded))), 0);
  }

  /**
   * A word of letters and digits run together, as the words a text writes apart ("covid19" as "covid 19",
   * which finds "COVID-19"; "iphone12" as "iphone 12"); empty for a word that has no such run.
   */
  static Optional<String> lettersAndDigitsApart(String word) {
    StringBuilder out = new StringBuilder(word.length() + 4);
    boolean split = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (i > 0 && Character.isLetterOrDigit(c) && Character.isLetterOrDigit(word.charAt(i - 1))
          && Character.isDigit(c) != Character.isDigit(word.charAt(i - 1))) {
        out.append(' ');
        split = true;
      }
      out.append(c);
    }
    return split ? Optional.of(out.toString()) : Optional.empty();
  }

  /**
   * Typo tolerance: one edit for words of 3 to 5 letters, two for longer ones, none below. Words with
   * digits are codes, models and years ("ps5", "covid19", "2019"): one character off is another thing,
   * not a typo, so they are never fuzzy.
   */
  static int editsFor(String word) {
    boolean letters = word.chars().allMatch(Character::isLetter);
    return !letters || word.length() < 3 || word.length() > MAX_FUZZY_LENGTH ? 0 : word.length() <= 5 ? 1 : 2;
  }

  private Query fuzzy(String word, Target t, RankingProfile p, Typos typos) {
    int edits = editsFor(word);
    if (edits == 0 || (t != Target.ALL && t != Target.TITLE)) return null;
    List<Query> alternatives = new ArrayList<>();
    boost(alternatives, typos.near(Schema.TITLE_EXACT, word, edits), p.titleWeight() * FUZZY_WEIGHT);
    if (t == Target.ALL) {
      boost(alternatives, typos.near(Schema.TEXT_EXACT, word, edits), p.excerptWeight() * FUZZY_WEIGHT);
    }
    return alternatives.isEmpty() ? null : dismax(alternatives);
  }

  /**
   * The query for {@code tokens} in {@code field}: a term, or a phrase. A word written with marks comes with
   * its ASCII-folded form at the same place (see {@link Schema#analyzer()}): either form matches, the best
   * counting, so a story is not ranked up for holding both and an index written before the folding, which
   * holds the word as written only, still finds it.
   */
  private static void add(List<Query> into, String field, List<Token> tokens, double weight) {
    if (tokens.isEmpty() || weight <= 0) return;
    Query q;
    if (onePlace(tokens)) {
      List<Query> forms = new ArrayList<>();
      for (Token tok : tokens) forms.add(new TermQuery(new Term(field, tok.term())));
      q = forms.size() == 1 ? forms.get(0) : new DisjunctionMaxQuery(forms, 0);
    } else if (tokens.stream().map(Token::position).distinct().count() == tokens.size()) {
      PhraseQuery.Builder phrase = new PhraseQuery.Builder();
      for (Token tok : tokens) phrase.add(new Term(field, tok.term()), tok.position());
      q = phrase.build();
    } else {
      MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
      for (int i = 0; i < tokens.size(); ) {
        int j = i;
        List<Term> forms = new ArrayList<>();
        while (j < tokens.size() && tokens.get(j).position() == tokens.get(i).position()) forms.add(new Term(field, tokens.get(j++).term()));
        phrase.add(forms.toArray(Term[]::new), tokens.get(i).position());
        i = j;
      }
      q = phrase.build();
    }
    boost(into, q, weight);
  }

  /** Adds the query for {@code tokens} in {@code field} to {@code b} as one more alternative. */
  /** Adds the query for {@code tokens} as an optional clause; the number of clauses added (0 or 1). */
  private static int should(BooleanQuery.Builder b, String field, List<Token> tokens) {
    List<Query> one = new ArrayList<>(1);
    add(one, field, tokens, 1);
    if (one.isEmpty()) return 0;
    b.add(one.get(0), Occur.SHOULD);
    return 1;
  }

  /** True when the tokens are one word (in one or more forms). */
  private static boolean onePlace(List<Token> tokens) {
    return tokens.get(tokens.size() - 1).position() == tokens.get(0).position();
  }

  /** The word of one place as written: the folding filter puts the folded form first and the original last. */
  private static String asWritten(List<Token> tokens) {
    return tokens.get(tokens.size() - 1).term();
  }

  private static void boost(List<Query> into, Query q, double weight) {
    if (weight <= 0) return;
    into.add(weight == 1 ? q : new BoostQuery(q, (float) weight));
  }

  /**
   * Field matches of one word, summed ("most fields"): a word in the title and the excerpt counts for
   * both. A sum, unlike a DisMax with a tie breaker, lets Lucene skip documents that cannot reach the
   * top hits (block-max WAND), which is what keeps broad words cheap on a large index.
   */
  private static Query sum(List<Query> fields) {
    return or(fields);
  }

  private static Query dismax(List<Query> alternatives) {
    return alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
  }

  private static Query or(List<Query> alternatives) {
    if (alternatives.size() == 1) return alternatives.get(0);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : alternatives) b.add(q, Occur.SHOULD);
    b.setMinimumNumberShouldMatch(1);
    return b.build();
  }

  /** A term and its position (stop words removed leave gaps, so phrases keep their shape). */
  record Token(String term, int position) {}

  List<Token> analyze(String field, String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(new Token(term.toString(), position));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a query in memory cannot fail", e);
    }
    if (!out.isEmpty() && out.get(0).position() > 0) {
      int shift = out.get(0).position();
      out.replaceAll(t -> new Token(t.term(), t.position() - shift));
    }
    return out;
  }
}
