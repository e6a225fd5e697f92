package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.index.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

/** The Lucene queries built from typed text, checked without an index. */
class QueryFactoryTest {

  private final QueryFactory factory = new QueryFactory();

  private Query build(String text, WordMatch mode) {
    return factory.textQuery(QuerySyntax.parse(text), RankingProfile.DEFAULT, mode);
  }

  private static Set<Term> terms(Query q) {
    Set<Term> out = new HashSet<>();
    q.visit(QueryVisitor.termCollector(out));
    return out;
  }

  @Test
  void aWordIsSearchedStemmedAndExactlyInEveryField() {
    Set<Term> terms = terms(build("Recognition", WordMatch.ALL_WORDS));
    assertTrue(terms.contains(new Term(Schema.TITLE, "recognit")), terms.toString());
    assertTrue(terms.contains(new Term(Schema.EXCERPT, "recognit")));
    assertTrue(terms.contains(new Term(Schema.BODY, "recognit")));
    assertTrue(terms.contains(new Term(Schema.TITLE_EXACT, "recognition")));
    assertTrue(terms.contains(new Term(Schema.TEXT_EXACT, "recognition")));
    assertTrue(terms.contains(new Term(Schema.PROVIDER_TEXT, "recognition")));
    assertTrue(terms.contains(new Term(Schema.TOPIC_TEXT, "recognition")));
  }

  @Test
  void allWordsAreRequiredByDefault() {
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, build("facial recognition", WordMatch.ALL_WORDS));
    assertEquals(2, q.clauses().size());
    assertTrue(q.clauses().stream().allMatch(c -> c.occur() == Occur.MUST));
  }

  @Test
  void anyWordModeNeedsOneOfThem() {
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, build("facial recognition", WordMatch.ANY_WORD));
    assertTrue(q.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD));
    assertEquals(1, q.getMinimumNumberShouldMatch());
  }

  @Test
  void mostWordsModeNeedsAllButOneOrThreeInFour() {
    BooleanQuery three = assertInstanceOf(BooleanQuery.class, build("facial recognition police", WordMatch.MOST_WORDS));
    assertTrue(three.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD));
    assertEquals(2, three.getMinimumNumberShouldMatch());
    BooleanQuery four = assertInstanceOf(BooleanQuery.class, build("facial recognition police london", WordMatch.MOST_WORDS));
    assertEquals(3, four.getMinimumNumberShouldMatch());
    BooleanQuery eight = assertInstanceOf(BooleanQuery.class,
        build("facial recognition police london ban cameras court ruling", WordMatch.MOST_WORDS));
    assertEquals(6, eight.getMinimumNumberShouldMatch());
    // Stop words are not words to count, and an OR group is one word.
    BooleanQuery grouped = assertInstanceOf(BooleanQuery.class,
        build("the police OR army in london OR paris ban", WordMatch.MOST_WORDS));
    assertEquals(3, grouped.clauses().size());
    assertEquals(2, grouped.getMinimumNumberShouldMatch());
    assertEquals(3, factory.words(QuerySyntax.parse("the police OR army in london OR paris ban")));
  }

  @Test
  void wordsRequiredByEachMode() {
    int[] words = {1, 2, 3, 4, 5, 7, 8, 12};
    int[] most = {1, 1, 2, 3, 4, 6, 6, 9};
    for (int i = 0; i < words.length; i++) {
      assertEquals(words[i], WordMatch.ALL_WORDS.required(words[i]));
      assertEquals(words[i], WordMatch.ALL_WORDS_FUZZY.required(words[i]));
      assertEquals(most[i], WordMatch.MOST_WORDS.required(words[i]), words[i] + " words");
      assertEquals(1, WordMatch.ANY_WORD.required(words[i]));
    }
  }

  @Test
  void fuzzyModeAddsTypoTolerantAlternatives() {
    assertFalse(contains(build("recogniton", WordMatch.ALL_WORDS), FuzzyQuery.class));
    assertTrue(contains(build("recogniton", WordMatch.ALL_WORDS_FUZZY), FuzzyQuery.class));
  }

  @Test
  void aWordLongerThanAnyWordOfTheLanguageIsNeverFuzzy() {
    assertTrue(contains(build("a".repeat(32), WordMatch.ALL_WORDS_FUZZY), FuzzyQuery.class));
    assertFalse(contains(build("a".repeat(33), WordMatch.ALL_WORDS_FUZZY), FuzzyQuery.class));
  }

  @Test
  void aTypoIsHighlightedThroughTheWordsItMatchedNeverAsAFuzzyQuery() {
    Typos typos = new Typos() {
      @Override
      public boolean mayBe(String word) {
        return word.equals("presidnet");
      }

      @Override
      public Query near(String field, String word, int edits) {
        return Typos.fuzzy(field, word, edits);
      }

      @Override
      public java.util.Collection<String> nearWords(String word) {
        return word.equals("presidnet") ? List.of("president", "presidents") : List.of();
      }
    };
    Query q = factory.highlightQuery(QuerySyntax.parse("trump presidnet"), WordMatch.ALL_WORDS_FUZZY, typos);
    assertFalse(contains(q, FuzzyQuery.class), "a fuzzy query makes the highlighter analyse every hit again: " + q);
    Set<Term> terms = new HashSet<>();
    q.visit(QueryVisitor.termCollector(terms));
    assertTrue(terms.contains(new Term(Schema.TITLE, "presid")), "the stem of the near words is marked: " + terms);
    assertTrue(terms.contains(new Term(Schema.EXCERPT, "trump")), terms.toString());
  }

  @Test
  void wordsWithDigitsAreNeverFuzzy() {
    assertFalse(contains(build("ps5", WordMatch.ALL_WORDS_FUZZY), FuzzyQuery.class));
    assertFalse(contains(build("covid19", WordMatch.ANY_WORD), FuzzyQuery.class));
  }

  @Test
  void exclusionsAreMustNot() {
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, build("police -london", WordMatch.ALL_WORDS));
    assertEquals(1, q.clauses().stream().filter(c -> c.occur() == Occur.MUST_NOT).count());
    Set<Term> excluded = new HashSet<>();
    for (BooleanClause c : q.clauses()) if (c.occur() == Occur.MUST_NOT) excluded.addAll(terms(c.query()));
    assertTrue(excluded.contains(new Term(Schema.TITLE, "london")));
  }

  @Test
  void onlyExclusionsMeansEverythingElse() {
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, build("-london", WordMatch.ALL_WORDS));
    assertTrue(q.clauses().stream().anyMatch(c -> c.query() instanceof MatchAllDocsQuery && c.occur() == Occur.MUST));
  }

  @Test
  void phrasesArePhraseQueriesWithStopWordGaps() {
    Query q = build("\"war of the worlds\"", WordMatch.ALL_WORDS);
    assertTrue(contains(q, PhraseQuery.class));
    Set<Term> terms = terms(q);
    assertTrue(terms.contains(new Term(Schema.TITLE, "world")));
    assertTrue(terms.contains(new Term(Schema.TITLE_EXACT, "of")), "the exact field keeps stop words");
    assertFalse(terms.contains(new Term(Schema.TITLE, "of")), "the stemmed field drops them");
  }

  @Test
  void stopWordsAreDroppedUnlessTheyAreAllThereIs() {
    Set<Term> mixed = terms(build("the police", WordMatch.ALL_WORDS));
    assertFalse(mixed.contains(new Term(Schema.TITLE_EXACT, "the")));
    Set<Term> onlyStop = terms(build("to be or not", WordMatch.ALL_WORDS));
    assertTrue(onlyStop.contains(new Term(Schema.TITLE_EXACT, "to")));
    assertTrue(onlyStop.contains(new Term(Schema.TEXT_EXACT, "not")));
  }

  @Test
  void fieldsLimitWhereAWordIsLooked() {
    Set<Term> title = terms(build("title:banned", WordMatch.ALL_WORDS));
    assertEquals(Set.of(new Term(Schema.TITLE, "ban"), new Term(Schema.TITLE_EXACT, "banned")), title);
    assertEquals(Set.of(new Term(Schema.PROVIDER_TEXT, "reuters")), terms(build("provider:Reuters", WordMatch.ALL_WORDS)));
    assertEquals(Set.of(new Term(Schema.TOPIC_TEXT, "ai")), terms(build("topic:AI", WordMatch.ALL_WORDS)));
  }

  @Test
  void prefixesSearchTheUnstemmedFields() {
    Query q = build("recog*", WordMatch.ALL_WORDS);
    assertTrue(contains(q, PrefixQuery.class));
    Set<String> fields = new HashSet<>();
    q.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return true;
      }
    });
    assertTrue(fields.contains(Schema.TITLE_EXACT));
    assertFalse(fields.contains(Schema.TITLE), "stems are not prefixes of what was typed");
  }

  @Test
  void emptyIsBrowseAndPunctuationFindsNothing() {
    assertInstanceOf(MatchAllDocsQuery.class, build("", WordMatch.ALL_WORDS));
    assertInstanceOf(MatchNoDocsQuery.class, build("?! ... ((", WordMatch.ALL_WORDS));
    assertInstanceOf(MatchNoDocsQuery.class, build("£", WordMatch.ANY_WORD));
    assertFalse(contains(build("the", WordMatch.ALL_WORDS), MatchNoDocsQuery.class), "a stop word alone is searched");
  }

  @Test
  void titleWeighsMoreThanExcerptAndExactAddsABonus() {
    RankingProfile p = RankingProfile.DEFAULT;
    String q = build("banned", WordMatch.ALL_WORDS).toString();
    assertTrue(q.contains(Schema.TITLE + ":ban)^" + (float) p.titleWeight()), q);
    assertTrue(q.contains(Schema.TITLE_EXACT + ":banned)^" + (float) (p.titleWeight() * p.exactWeight())), q);
  }

  @Test
  void aWordStemmingCannotChangeNeedsNoExactBonus() {
    Set<Term> terms = terms(build("london", WordMatch.ALL_WORDS));
    assertTrue(terms.contains(new Term(Schema.TITLE, "london")));
    assertFalse(terms.contains(new Term(Schema.TITLE_EXACT, "london")));
  }

  @Test
  void onlyWordsTheIndexLacksGetTypoTolerance() {
    ParsedQuery q = QuerySyntax.parse("korean recogniton");
    Query built = factory.textQuery(q, RankingProfile.DEFAULT, WordMatch.ALL_WORDS_FUZZY, Typos.of("recogniton"::equals));
    Set<String> fuzzy = new HashSet<>();
    built.visit(new QueryVisitor() {
      @Override
      public void consumeTermsMatching(Query query, String field, java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> a) {
        if (query instanceof FuzzyQuery f) fuzzy.add(f.getTerm().text());
      }

      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return this;
      }
    });
    assertEquals(Set.of("recogniton"), fuzzy);
  }

  private static boolean contains(Query q, Class<? extends Query> type) {
    boolean[] found = {false};
    q.visit(new QueryVisitor() {
      @Override
      public void visitLeaf(Query query) {
        if (type.isInstance(query)) found[0] = true;
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        if (type.isInstance(query)) found[0] = true;
      }

      @Override
      public void consumeTermsMatching(Query query, String field, java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
        if (type.isInstance(query)) found[0] = true;
      }

      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return this;
      }
    });
    return found[0];
  }
}
