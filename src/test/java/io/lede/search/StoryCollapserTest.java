package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.index.StorySignature;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as the same story told twice. */
class StoryCollapserTest {

  private final StorySignature.Maker maker = new StorySignature.Maker();
  private int rank;

  private RankedHit hit(String provider, String title, String excerpt, String date) {
    return new RankedHit(rank++, rank, "id" + rank, 1f, new Object[0], maker.of(provider, title, excerpt),
        date == null ? null : Instant.parse(date).toEpochMilli());
  }

  @Test
  void nearIdenticalTitlesFromTwoProvidersAreOneStory() {
    assertTrue(StoryCollapser.sameStory(
        hit("New York Times", "Facebook to Pay $550 Million to Settle Facial Recognition Suit", "It was another black mark.", "2020-01-29T23:18:00Z"),
        hit("Forbes", "Facebook To Pay $550 Million To Settle Facial Recognition Lawsuit", "Topline: Facebook agreed.", "2020-01-30T02:19:00Z")));
  }

  @Test
  void aProvidersDailySeriesIsNotOneStory() {
    String excerpt = "The Federal Reserve entered the government securities market to arrange customer repurchase agreements, a spokesman said.";
    assertFalse(StoryCollapser.sameStory(
        hit("Reuters", "Fed adds reserves via customer repurchases", excerpt, "1987-03-02T14:00:00Z"),
        hit("Reuters", "Fed adds reserves via customer repurchases", excerpt, "1987-03-03T14:05:00Z")));
  }

  @Test
  void aProvidersTemplatedBriefsAboutDifferentCompaniesAreNotOneStory() {
    assertFalse(StoryCollapser.sameStory(
        hit("Reuters", "Citgo Raises Crude Postings 50 cts, Today, Wti to 17.50 dlrs/BBL",
            "Citgo Petroleum Corp said it raised the contract price it will pay for all grades of crude oil 50 cts a barrel, effective today.",
            "1987-03-12T17:29:29Z"),
        hit("Reuters", "Phillips Raises Crude Postings 50 cts Effective Today, Wti to 17.50 dlrs/bbl",
            "Phillips Petroleum Corp said it raised the contract price it will pay for all grades of crude oil 50 cts a barrel, effective today.",
            "1987-03-12T16:00:00Z")));
  }

  @Test
  void oneProvidersNearIdenticalCopiesAreOneStory() {
    String text = "The privacy commissioner of British Columbia has revealed five individual police officers in the province used a controversial facial recognition service.";
    assertTrue(StoryCollapser.sameStory(
        hit("CTV News", "5 B.C. police officers used 'illegal' facial recognition tech slammed by privacy commissioners", text, "2021-02-03T17:49:00Z"),
        hit("CTV News", "5 B.C. police officers who used 'illegal' facial recognition tech slammed by privacy commissioners", text, "2021-02-03T17:49:00Z")));
  }

  @Test
  void identicalTextUnderDifferentTitlesIsOneStory() {
    String text = "The privacy commissioner of British Columbia has revealed five individual police officers in the province "
        + "used a controversial facial recognition service that illegally harvested billions of social media images.";
    assertTrue(StoryCollapser.sameStory(
        hit("CTV News", "Officers used illegal tool", text, "2021-02-03T17:49:00Z"),
        hit("Global News", "Privacy watchdogs slam B.C. police", text, "2021-02-03T19:00:00Z")));
  }

  @Test
  void similarButDifferentStoriesStaySeparate() {
    assertFalse(StoryCollapser.sameStory(
        hit("A", "London Police Deploy Controversial Facial Recognition Cameras", "Cameras went up.", "2020-02-11T00:00:00Z"),
        hit("B", "London Police push forward with controversial facial recognition tech", "Despite protests.", "2020-02-11T03:00:00Z")));
    assertFalse(StoryCollapser.sameStory(
        hit("A", "Oil prices rise", "Crude rose on Monday.", "2020-02-11T00:00:00Z"),
        hit("B", "Oil prices fall", "Crude fell on Monday.", "2020-02-11T01:00:00Z")), "short titles need their text to agree");
  }

  @Test
  void collapsingKeepsRankOrderAndFoldsIntoTheFirstCopy() {
    RankedHit a = hit("A", "Harbour crane collapses in Rotterdam", "x", "2020-01-01T00:00:00Z");
    RankedHit b = hit("B", "Harbour strike ends in Hamburg", "y", "2020-01-01T00:00:00Z");
    RankedHit c = hit("C", "Harbour crane collapses in Rotterdam port", "z", "2020-01-01T01:00:00Z");
    List<StoryCollapser.Group> groups = StoryCollapser.collapse(List.of(a, b, c));
    assertEquals(2, groups.size());
    assertEquals(a, groups.get(0).head());
    assertEquals(List.of(c), groups.get(0).members());
    assertEquals(b, groups.get(1).head());
  }

  @Test
  void signaturesSurviveTheirEncoding() {
    StorySignature s = maker.of("Reuters", "British watchdog urges caution", "LONDON (Reuters) - Britain's surveillance watchdog urged ...");
    assertEquals(s, StorySignature.decode(s.encode()));
    assertEquals(1.0, s.titleSimilarity(s), 0.0);
    assertEquals(0, s.textDistance(s));
  }

  @Test
  void theProviderCapPushesDownAndNeverDrops() {
    List<StoryCollapser.Group> ranked = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ranked.add(new StoryCollapser.Group(hit(i < 6 ? "Big" : "Small " + i, "Story number " + i + " here", "", null), List.of()));
    }
    List<StoryCollapser.Group> capped = ProviderDiversity.apply(ranked, 5, 2, List.of(), Integer.MAX_VALUE);
    assertEquals(ranked.size(), capped.size());
    assertEquals(List.of(0, 1, 6, 7, 2, 3, 4, 5), capped.stream().map(g -> g.head().rank()).toList());
  }
}
