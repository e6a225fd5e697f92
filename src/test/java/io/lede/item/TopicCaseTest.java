package io.lede.item;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicCaseTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "POLITICS|Politics", "politics|Politics", "Politics|Politics",
    "WORLD NEWS|World News", "STYLE & BEAUTY|Style & Beauty", "world news|World News",
    "money-fx|Money-fx", "earn|Earn", "ÉCONOMIE|Économie",
    // Kept: mixed case, acronyms, no letters.
    "iPhone|iPhone", "Sci/Tech|Sci/Tech", "Computer Vision|Computer Vision", "AI|AI", "NATO|NATO", "U.S.|U.S.",
    "U.S. NEWS|U.S. NEWS", "2024|2024",
    // Abbreviations stay in capitals when the rest is cased.
    "u.s. politics|U.S. Politics", "U.S. POLITICS|U.S. Politics"})
  void oneSpellingWhateverTheCase(String written, String canonical) {
    assertEquals(canonical, TopicCase.canonical(written));
  }
}
