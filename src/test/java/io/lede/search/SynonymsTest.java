package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.search.ParsedQuery.Phrase;
import io.lede.search.ParsedQuery.Unit;
import io.lede.search.ParsedQuery.Word;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Equivalent words and phrases, read in Solr's format and applied to queries. */
class SynonymsTest {

  private static final String LIST = """
      # countries
      us, usa, united states
      uk, united kingdom   # and a comment after the forms
      ai, artificial intelligence
      """;

  @TempDir static Path dir;
  static Lede withSynonyms;
  static Lede without;

  @BeforeAll
  static void index() throws Exception {
    withSynonyms = Fixtures.open(dir,
        item("United States economy grows").excerpt("Output rose in the spring.").provider("Reuters"),
        item("US economy slows").excerpt("Hiring cooled.").provider("AP"),
        item("Artificial intelligence in hospitals").excerpt("Doctors try new tools.").provider("BBC News"),
        item("The states of the union").excerpt("Governors met in Ohio.").provider("AFP"));
    without = Lede.open(dir.resolve("index"), 0, Synonyms.NONE);
  }

  @AfterAll
  static void close() throws Exception {
    withSynonyms.close();
    without.close();
  }

  private static Synonyms list() throws IOException {
    return Synonyms.parse(new StringReader(LIST), "test list");
  }

  private static Set<String> titles(Lede lede, String q) {
    return lede.search(SearchRequest.of(q)).hits().stream().map(Hit::title).collect(Collectors.toSet());
  }

  @Test
  void aFormMatchesEveryFormOfItsLine() {
    Set<String> both = Set.of("United States economy grows", "US economy slows");
    assertEquals(both, titles(withSynonyms, "us economy"));
    assertEquals(both, titles(withSynonyms, "united states economy"));
    assertEquals(both, titles(withSynonyms, "usa economy"));
    assertEquals(both, titles(withSynonyms, "U.S. economy"), "an acronym's dots do not hide its synonyms");
    assertEquals(Set.of("US economy slows"), titles(without, "us economy"), "without synonyms, as written");
    assertEquals(Set.of("Artificial intelligence in hospitals"), titles(withSynonyms, "ai hospitals"));
  }

  @Test
  void aPhraseFormMatchesAsAPhraseOnly() {
    // "states" alone is no form: the story about the states of the union is not a United States story.
    assertEquals(Set.of("The states of the union"), titles(withSynonyms, "states union"));
    assertTrue(!titles(withSynonyms, "us").contains("The states of the union"));
  }

  @Test
  void theOtherFormIsMarkedInTheHighlights() {
    SearchResponse r = withSynonyms.search(SearchRequest.of("united states economy"));
    Hit us = r.hits().stream().filter(h -> h.title().startsWith("US")).findFirst().orElseThrow();
    assertEquals("<mark>US</mark> <mark>economy</mark> slows", us.highlights().title());
  }

  @Test
  void runsOfPlainWordsBecomeOneGroupTheLongestFormWinning() throws IOException {
    ParsedQuery q = list().expand(QuerySyntax.parse("united states economy"));
    assertEquals(2, q.required().size(), "a phrase form and the word after it");
    assertEquals(Set.of(new Phrase(ParsedQuery.Target.ALL, "united states"), new Word(ParsedQuery.Target.ALL, "us", false),
        new Word(ParsedQuery.Target.ALL, "usa", false)), Set.copyOf(q.required().get(0)));
    assertEquals(List.<Unit>of(new Word(ParsedQuery.Target.ALL, "economy", false)), q.required().get(1));
    assertEquals(2, new QueryFactory().words(q), "most-words and any-word fallbacks count it as one word");
  }

  @Test
  void onlyPlainWordsAreExpanded() throws IOException {
    Synonyms s = list();
    for (String q : List.of("\"us\" economy", "title:us", "us*", "-us economy", "topic:ai")) {
      ParsedQuery parsed = QuerySyntax.parse(q);
      assertSame(parsed, s.expand(parsed), q + " is searched as written");
    }
    ParsedQuery grouped = s.expand(QuerySyntax.parse("us OR canada"));
    assertEquals(1, grouped.required().size());
    assertEquals(2, grouped.required().get(0).size(), "an OR group is not a plain word: left as typed");
  }

  @Test
  void malformedLinesAreReportedWithTheirSourceAndLine() {
    IllegalArgumentException mapping = assertThrows(IllegalArgumentException.class,
        () -> Synonyms.parse(new StringReader("us, usa\nny => new york\n"), "my.txt"));
    assertTrue(mapping.getMessage().startsWith("my.txt, line 2: "), mapping.getMessage());
    IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
        () -> Synonyms.parse(new StringReader("\n\nlonely\n"), "my.txt"));
    assertTrue(single.getMessage().startsWith("my.txt, line 3: "), single.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Synonyms.parse(new StringReader("x, one two three four five\n"), "my.txt"));
  }

  @Test
  void theBundledListLoads() {
    Synonyms bundled = Synonyms.bundled();
    assertTrue(bundled.size() >= 20, "forms: " + bundled.size());
    ParsedQuery q = bundled.expand(QuerySyntax.parse("uk election"));
    assertTrue(q.required().get(0).contains(new Phrase(ParsedQuery.Target.ALL, "united kingdom")), q.toString());
  }
}
