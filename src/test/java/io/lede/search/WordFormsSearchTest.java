package io.lede.search;

import static io.lede.search.Fixtures.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.index.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A word finds its other written forms: with or without accents and other marks, letters and digits apart. */
class WordFormsSearchTest {

  @TempDir static Path dir;
  static Lede lede;

  @BeforeAll
  static void index() throws Exception {
    lede = Fixtures.open(dir,
        item("Beyoncé tours São Paulo").excerpt("The singer arrived in Brazil.").provider("Reuters"),
        item("Beyonce fans queue in Zurich").excerpt("Tickets sold out.").provider("BBC News"),
        item("Zürich bank results").excerpt("Profits rose at the lender.").provider("AP"),
        item("Paulo Coelho writes again").excerpt("A new novel.").provider("AFP"),
        item("COVID-19 cases rise in Lyon").excerpt("Hospitals are filling up.").provider("Le Monde"),
        item("U.S. election results delayed").excerpt("Counting goes on.").provider("Reuters"),
        item("US election: the latest").excerpt("Polls close in the east.").provider("BBC News"),
        item("Protest march in Washington D.C.").excerpt("Thousands walked.").provider("AP"));
  }

  @AfterAll
  static void close() throws Exception {
    lede.close();
  }

  private static Set<String> titles(String q) {
    return lede.search(SearchRequest.builder().query(q).collapse(false).build()).hits().stream().map(Hit::title)
        .collect(Collectors.toSet());
  }

  @Test
  void eitherSpellingFindsBoth() {
    Set<String> both = Set.of("Beyoncé tours São Paulo", "Beyonce fans queue in Zurich");
    assertEquals(both, titles("beyonce"));
    assertEquals(both, titles("Beyoncé"));
    assertEquals(Set.of("Beyonce fans queue in Zurich", "Zürich bank results"), titles("zurich"));
    assertEquals(Set.of("Beyonce fans queue in Zurich", "Zürich bank results"), titles("ZÜRICH"));
  }

  @Test
  void phrasesAndPrefixesToo() {
    assertEquals(Set.of("Beyoncé tours São Paulo"), titles("\"sao paulo\""));
    assertEquals(Set.of("Beyoncé tours São Paulo"), titles("\"são paulo\""));
    assertEquals(Set.of("Beyoncé tours São Paulo"), titles("title:\"beyonce tours\""));
    assertEquals(Set.of("Beyoncé tours São Paulo", "Beyonce fans queue in Zurich"), titles("beyon*"));
    assertEquals(Set.of("Beyonce fans queue in Zurich", "Zürich bank results"), titles("zür*"));
    assertEquals(Set.of("Beyonce fans queue in Zurich", "Zürich bank results"), titles("zur*"));
  }

  @Test
  void theWordAsWrittenIsMarked() {
    SearchResponse r = lede.search(SearchRequest.of("beyonce sao"));
    assertEquals(1, r.total());
    assertEquals("<mark>Beyoncé</mark> tours <mark>São</mark> Paulo", r.hits().get(0).highlights().title());
  }

  @Test
  void aStoryIsNotRankedUpForHoldingBothForms() {
    var profile = RankingProfile.TEXT_ONLY.toBuilder().diversityWindow(0).build();
    SearchResponse r = lede.search(SearchRequest.builder().query("title:beyonce").profile(profile).collapse(false)
        .explain(true).build());
    assertEquals(2, r.hits().size());
    // Same field, one occurrence each; the accented title is a word shorter ("fans queue in" vs "tours São
    // Paulo", stop word "in" aside), so only length norms may tell them apart: within a tenth.
    double a = r.hits().get(0).score(), b = r.hits().get(1).score();
    assertTrue(Math.abs(a - b) / Math.max(a, b) < 0.1, a + " vs " + b);
  }

  /** A generation written before the folding holds the words as written only: a word typed as written finds them. */
  @Test
  void anIndexWithoutFoldedFormsStillFindsTheWordAsWritten() throws Exception {
    try (ByteBuffersDirectory d = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new EnglishAnalyzer()))) {
      Document doc = new Document();
      doc.add(new Field(Schema.TITLE, "Beyoncé tours São Paulo", TextField.TYPE_NOT_STORED));
      w.addDocument(doc);
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        QueryFactory queries = new QueryFactory();
        for (String q : new String[] {"beyoncé", "\"são paulo\"", "title:beyoncé"}) {
          assertEquals(1, searcher.count(queries.textQuery(QuerySyntax.parse(q), RankingProfile.DEFAULT, WordMatch.ALL_WORDS)), q);
        }
      }
    }
  }

  @Test
  void lettersAndDigitsRunTogetherFindTheWordsWrittenApart() {
    SearchResponse r = lede.search(SearchRequest.of("covid19"));
    assertEquals(List.of("COVID-19 cases rise in Lyon"), r.hits().stream().map(Hit::title).toList());
    assertEquals(WordMatch.ALL_WORDS_FUZZY, r.matched(), "not as typed: the reader is told");
    assertEquals("<mark>COVID-19</mark> cases rise in Lyon", r.hits().get(0).highlights().title());
    assertEquals(1, lede.search(SearchRequest.of("covid19 lyon")).total());
    SearchResponse other = lede.search(SearchRequest.of("covid19 paris"));
    assertEquals(WordMatch.ANY_WORD, other.matched(), "the other words still count: no story has both");
  }

  @Test
  void wordsAreCutWhereLettersMeetDigits() {
    assertEquals(Optional.of("covid 19"), QueryFactory.lettersAndDigitsApart("covid19"));
    assertEquals(Optional.of("iphone 12 pro"), QueryFactory.lettersAndDigitsApart("iphone12pro"));
    assertEquals(Optional.of("5 g"), QueryFactory.lettersAndDigitsApart("5g"));
    assertEquals(Optional.empty(), QueryFactory.lettersAndDigitsApart("2020"));
    assertEquals(Optional.empty(), QueryFactory.lettersAndDigitsApart("covid"));
    assertEquals(Optional.empty(), QueryFactory.lettersAndDigitsApart("covid-19"));
  }

  @Test
  void acronymsWithAndWithoutDotsFindEachOther() {
    Set<String> both = Set.of("U.S. election results delayed", "US election: the latest");
    assertEquals(both, titles("us election"));
    assertEquals(both, titles("U.S. election"));
    assertEquals(Set.of("Protest march in Washington D.C."), titles("dc protest"));
    assertEquals("<mark>US</mark> <mark>election</mark>: the latest", lede.search(SearchRequest.of("u.s. election")).hits()
        .stream().filter(h -> h.title().startsWith("US")).findFirst().orElseThrow().highlights().title());
  }
}
