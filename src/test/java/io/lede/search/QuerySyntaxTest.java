package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.search.ParsedQuery.Phrase;
import io.lede.search.ParsedQuery.Target;
import io.lede.search.ParsedQuery.Unit;
import io.lede.search.ParsedQuery.Word;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuerySyntaxTest {

  private static Word word(String w) {
    return new Word(Target.ALL, w, false);
  }

  @Test
  void wordsAreAllRequired() {
    ParsedQuery q = QuerySyntax.parse("Facial  Recognition");
    assertEquals(List.of(List.of(word("facial")), List.of(word("recognition"))), q.required());
    assertTrue(q.excluded().isEmpty());
  }

  @Test
  void quotedWordsAreAPhrase() {
    ParsedQuery q = QuerySyntax.parse("police \"facial recognition\"");
    assertEquals(List.<List<Unit>>of(List.of(word("police")), List.of(new Phrase(Target.ALL, "facial recognition"))),
        q.required());
  }

  @Test
  void minusNotAndBangExclude() {
    ParsedQuery q = QuerySyntax.parse("police -london NOT moscow !\"new york\"");
    assertEquals(List.of(List.of(word("police"))), q.required());
    assertEquals(List.of(word("london"), word("moscow"), new Phrase(Target.ALL, "new york")), q.excluded());
  }

  @Test
  void orJoinsNeighboursIntoOneGroup() {
    ParsedQuery q = QuerySyntax.parse("police london OR moscow OR \"new york\" ban");
    assertEquals(3, q.required().size());
    assertEquals(List.of(word("london"), word("moscow"), new Phrase(Target.ALL, "new york")), q.required().get(1));
    assertEquals(List.of(word("ban")), q.required().get(2));
  }

  @Test
  void boostSlopAndFuzzinessSuffixesAreNotWords() {
    ParsedQuery q = QuerySyntax.parse("trump^2 \"white house\"~3 biden~ putin~1.5 ^4");
    assertEquals(List.<List<Unit>>of(List.of(word("trump")), List.of(new Phrase(Target.ALL, "white house")),
        List.of(word("biden")), List.of(word("putin"))), q.required());
    assertEquals(List.of(List.of(word("a")), List.of(word("b"))), QuerySyntax.parse("a~b").required(), "not a suffix");
  }

  @Test
  void lowerCaseOrIsAWord() {
    assertEquals(3, QuerySyntax.parse("war or peace").required().size());
  }

  @Test
  void trailingStarIsAPrefix() {
    ParsedQuery q = QuerySyntax.parse("recog* f*");
    assertEquals(new Word(Target.ALL, "recog", true), q.required().get(0).get(0));
    // One letter would expand to a large share of the vocabulary: searched as the word itself.
    assertEquals(new Word(Target.ALL, "f", false), q.required().get(1).get(0));
  }

  @Test
  void knownFieldsTargetOneField() {
    ParsedQuery q = QuerySyntax.parse("title:ban Provider:Reuters topic:\"computer vision\" -provider:bbc");
    assertEquals(new Word(Target.TITLE, "ban", false), q.required().get(0).get(0));
    assertEquals(new Word(Target.PROVIDER, "reuters", false), q.required().get(1).get(0));
    assertEquals(new Phrase(Target.TOPIC, "computer vision"), q.required().get(2).get(0));
    assertEquals(List.of(new Word(Target.PROVIDER, "bbc", false)), q.excluded());
  }

  @Test
  void unknownFieldIsTwoWords() {
    ParsedQuery q = QuerySyntax.parse("JNU:delhi");
    assertEquals(List.of(List.of(word("jnu")), List.of(word("delhi"))), q.required());
  }

  @Test
  void unclosedQuoteIsPlainWords() {
    ParsedQuery q = QuerySyntax.parse("\"facial recognition");
    assertEquals(List.of(List.of(word("facial")), List.of(word("recognition"))), q.required());
  }

  @Test
  void danglingOperatorsAreIgnored() {
    ParsedQuery q = QuerySyntax.parse("OR police AND OR - NOT");
    assertEquals(List.of(List.of(word("police"))), q.required());
    assertTrue(q.excluded().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\"", "\"\"", "-", "*", "((", ")", "title:", "a:b:c", "\\", "[x TO y]", "^2~", "&& ||",
      "\"unbalanced \"quotes\" here", "NOT", "OR", "+", "!!", "provider:\"", "🙂 ☃"})
  void anythingParsesWithoutFailing(String text) {
    ParsedQuery q = QuerySyntax.parse(text);
    for (List<Unit> g : q.required()) for (Unit u : g) assertTrue(!u.text().isBlank(), "blank unit from " + text);
  }

  @Test
  void luceneOperatorsAreNoise() {
    ParsedQuery q = QuerySyntax.parse("police^2 [london] {moscow}~");
    assertEquals(List.of(List.of(word("police")), List.of(word("london")), List.of(word("moscow"))), q.required());
  }

  @Test
  void plainWordsForSpellingSkipPrefixesAndNames() {
    ParsedQuery q = QuerySyntax.parse("recogniton \"fasial tech\" prov* provider:reuters");
    assertEquals(List.of("recogniton", "fasial", "tech"), q.plainWords());
  }
}
