package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each piece of search-box syntax finds, over a small index. */
class QuerySyntaxSearchTest {

  @TempDir static Path dir;
  static Lede lede;

  @BeforeAll
  static void index() throws Exception {
    lede = Fixtures.open(dir,
        item("Zeppelin lands in Paris").excerpt("The airship came down softly.").provider("Reuters").topics("Aviation"),
        item("Zeppelin crashes near Berlin").excerpt("Nobody was hurt.").provider("BBC News").topics("Disasters"),
        item("Paris fashion week opens").excerpt("Designers show their spring lines.").provider("AP").topics("Fashion"),
        item("Balloon festival in Berlin").excerpt("Hot air over the city.").provider("AFP").topics("Events"),
        item("Running club opens in Lyon").excerpt("Members meet weekly.").provider("Le Monde").topics("Sport"),
        item("Runs club closes in Lyon").excerpt("The last meeting was held.").provider("Le Figaro").topics("Sport"));
  }

  @AfterAll
  static void close() throws Exception {
    lede.close();
  }

  private static List<String> titles(String q) {
    return lede.search(SearchRequest.builder().query(q).size(20).build()).hits().stream().map(Hit::title).toList();
  }

  private static Set<String> titleSet(String q) {
    return titles(q).stream().collect(Collectors.toSet());
  }

  @Test
  void allWordsMustMatch() {
    assertEquals(Set.of("Zeppelin lands in Paris"), titleSet("zeppelin paris"));
    assertEquals(WordMatch.ALL_WORDS, lede.search(SearchRequest.of("zeppelin paris")).matched());
  }

  @Test
  void phraseNeedsTheWordsTogether() {
    assertEquals(Set.of("Zeppelin lands in Paris"), titleSet("\"lands in paris\""));
    // Both words occur in that title, but not next to each other in this order.
    assertTrue(titleSet("\"paris zeppelin\"").stream().noneMatch(t -> t.equals("Zeppelin lands in Paris")));
  }

  @Test
  void exclusionRemovesMatches() {
    assertEquals(Set.of("Zeppelin lands in Paris"), titleSet("zeppelin -berlin"));
    assertEquals(Set.of("Zeppelin crashes near Berlin"), titleSet("zeppelin -\"lands in paris\""));
  }

  @Test
  void orMatchesEither() {
    assertEquals(Set.of("Paris fashion week opens", "Balloon festival in Berlin"), titleSet("fashion OR balloon"));
  }

  @Test
  void fieldsSearchOneField() {
    assertEquals(Set.of("Zeppelin lands in Paris"), titleSet("provider:reuters"));
    assertEquals(Set.of("Zeppelin crashes near Berlin"), titleSet("topic:disasters"));
    // "airship" is only in an excerpt: title: does not see it.
    assertEquals(Set.of(), titleSet("title:airship"));
    assertEquals(Set.of("Zeppelin lands in Paris"), titleSet("airship"));
  }

  @Test
  void prefixMatchesWordBeginnings() {
    assertEquals(Set.of("Zeppelin lands in Paris", "Zeppelin crashes near Berlin"), titleSet("zepp*"));
    assertEquals(Set.of("Zeppelin crashes near Berlin", "Balloon festival in Berlin"), titleSet("berl*"));
  }

  @Test
  void exactWordFormRanksAboveStemmedForm() {
    assertEquals(List.of("Running club opens in Lyon", "Runs club closes in Lyon"), titles("running club"));
    assertEquals(List.of("Runs club closes in Lyon", "Running club opens in Lyon"), titles("runs club"));
  }

  @Test
  void whenAllWordsFindNothingAnyWordDoes() {
    SearchResponse r = lede.search(SearchRequest.of("zeppelin fashion"));
    assertEquals(3, r.total());
    assertEquals(Set.of("Zeppelin lands in Paris", "Zeppelin crashes near Berlin", "Paris fashion week opens"),
        r.hits().stream().map(Hit::title).collect(Collectors.toSet()));
  }

  @Test
  void whenNoStoryHasAllOfThreeWordsTheStoriesWithTwoAreShown() {
    SearchResponse r = lede.search(SearchRequest.builder().query("zeppelin paris fashion").collapse(false).build());
    assertEquals(Set.of("Zeppelin lands in Paris", "Paris fashion week opens"),
        r.hits().stream().map(Hit::title).collect(Collectors.toSet()),
        "no story has all three words; two have two of them, and the one with a single word is left out");
    assertEquals(2, r.total());
    assertEquals(WordMatch.MOST_WORDS, r.matched(), "the answer says the words were loosened");
  }

  @Test
  void inTheAnyWordFallbackMoreWordsMatchedRankHigher() {
    // No story has three of the four words: any word, the stories with two first.
    SearchResponse r = lede.search(SearchRequest.builder().query("zeppelin paris fashion balloon").collapse(false).build());
    assertEquals(WordMatch.ANY_WORD, r.matched(), "the answer says the words were loosened");
    assertEquals(4, r.total());
    assertEquals(Set.of("Zeppelin lands in Paris", "Paris fashion week opens"),
        r.hits().subList(0, 2).stream().map(Hit::title).collect(Collectors.toSet()), "the stories with two words lead");
  }

  @Test
  void stopWordsAreNotCountedAmongTheWordsMostOfWhichMustMatch() {
    SearchResponse r = lede.search(SearchRequest.of("the zeppelin of lyon"));
    assertEquals(WordMatch.ANY_WORD, r.matched(), "two words that count: no story has both, so either");
    assertEquals(4, r.total());
  }

  @Test
  void aFilterThatHidesEveryStoryWithAllTheWordsLoosensTheWordsAndSaysSo() {
    // "zeppelin paris" is in an Aviation story only; among Disasters, a story has one of the words.
    SearchResponse r = lede.search(SearchRequest.builder().query("zeppelin paris").topic("Disasters").build());
    assertEquals(List.of("Zeppelin crashes near Berlin"), r.hits().stream().map(Hit::title).toList());
    assertEquals(WordMatch.ANY_WORD, r.matched());
    SearchResponse strict = lede.search(SearchRequest.builder().query("zeppelin paris").topic("Aviation").build());
    assertEquals(WordMatch.ALL_WORDS, strict.matched());
  }

  @Test
  void typedTextWithoutAWordFindsNothingWhileExclusionsAloneBrowse() {
    assertEquals(0, lede.search(SearchRequest.of("£")).total(), "no word to search for: not every story");
    assertEquals(0, lede.search(SearchRequest.of("!!! ...")).total());
    assertEquals(6, lede.search(SearchRequest.of("")).total());
    assertEquals(4, lede.search(SearchRequest.of("-zeppelin")).total(), "every story but the two zeppelin ones");
  }

  @Test
  void aBrowseMatchesEverything() {
    assertEquals(WordMatch.ALL_WORDS, lede.search(SearchRequest.of("")).matched());
  }

  @Test
  void typosFallBackToFuzzyAndSuggestASpelling() {
    SearchResponse r = lede.search(SearchRequest.of("zepelin"));
    assertEquals(2, r.total());
    assertEquals("zeppelin", r.didYouMean().orElseThrow());
    assertEquals(WordMatch.ALL_WORDS_FUZZY, r.matched());
    SearchResponse right = lede.search(SearchRequest.of("zeppelin"));
    assertTrue(right.didYouMean().isEmpty(), "a correct spelling gets no suggestion");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"zeppelin lands", "zeppelin AND OR (( ]] ^~ :", "title: zeppelin", "zeppelin~2 paris^3",
      "zeppelin [paris TO berlin]", "foo:zeppelin", "+zeppelin -", "zeppelin \\", "zeppelin*?!", "zeppelin OR"})
  void malformedSyntaxDegradesToWords(String q) {
    SearchResponse r = lede.search(SearchRequest.of(q));
    assertTrue(r.total() > 0, q + " finds something");
    assertTrue(r.hits().stream().anyMatch(h -> h.title().startsWith("Zeppelin")), q + " finds the zeppelin stories");
  }

  @Test
  void emptyQueryBrowsesNewestFirstWithFacets() {
    SearchResponse r = lede.search(SearchRequest.builder().query("").build());
    assertEquals(6, r.total());
    assertTrue(r.facets().get("provider").size() >= 6);
    SearchResponse onlyExclusion = lede.search(SearchRequest.of("-zeppelin"));
    assertEquals(4, onlyExclusion.total());
  }
}
