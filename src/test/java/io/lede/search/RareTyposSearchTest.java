package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A typo that a story or two also made is still treated as a typo; a rare name that is right is left alone. */
class RareTyposSearchTest {

  @TempDir static Path dir;
  static Lede lede;

  @BeforeAll
  static void index() throws Exception {
    List<Fixtures.Item> items = new ArrayList<>();
    items.add(item("Government shutdown ends").excerpt("Workers return on Monday."));
    items.add(item("Harbour dredging resumes").excerpt("The local goverment approved the budget.")); // the typo, once
    for (int i = 0; i < 12; i++) items.add(item("Government report " + i).excerpt("The government published figures."));
    items.add(item("Zelenskyy visits Paris").excerpt("The president met students."));
    for (int i = 0; i < 3; i++) items.add(item("Zelensky speech " + i).excerpt("A speech in Kyiv."));
    lede = Fixtures.open(dir, items.toArray(Fixtures.Item[]::new));
  }

  @AfterAll
  static void close() throws Exception {
    lede.close();
  }

  @Test
  void aTypoInAStoryOrTwoIsStillReadAsATypo() {
    SearchResponse r = lede.search(SearchRequest.of("goverment shutdown"));
    assertEquals(List.of("Government shutdown ends"), r.hits().stream().map(Hit::title).toList());
    assertEquals(WordMatch.ALL_WORDS_FUZZY, r.matched());
    assertEquals("government shutdown", r.didYouMean().orElseThrow());
  }

  @Test
  void aRareWordThatFindsItsStoriesIsNotSecondGuessed() {
    SearchResponse r = lede.search(SearchRequest.of("goverment"));
    assertEquals(WordMatch.ALL_WORDS, r.matched(), "the story with the typo matches as typed");
    assertTrue(r.didYouMean().isEmpty(), "checking every rare word of every few-hit search costs too much");
  }

  @Test
  void aRareNameThatIsRightGetsNoCorrection() {
    SearchResponse r = lede.search(SearchRequest.of("zelenskyy"));
    assertEquals(1, r.total());
    assertTrue(r.didYouMean().isEmpty(), "zelensky is not ten times as common: " + r.didYouMean());
  }
}
