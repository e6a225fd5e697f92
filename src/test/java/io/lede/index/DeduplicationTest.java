package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.Lede;
import io.lede.search.Hit;
import io.lede.search.ItemDetails;
import io.lede.search.ParentLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same story seen twice is one document that remembers every article it was found under. */
class DeduplicationTest {

  @TempDir Path seeds;
  @TempDir Path home;

  private static String item(String title, String url, int quality, String related) {
    return "---\ntitle: \"" + title + "\"\nexcerpt: \"About " + title + "\"\npublishedDateTime: 2021-03-01T10:00:00Z\n"
        + "webUrl: \"" + url + "\"\nquality: " + quality + "\nheat: 10\npublished: true\ncategory: news\n"
        + "provider:\n  name: Paper " + title.charAt(0) + "\n  domain: paper.example\n"
        + "topics:\n  - Topic " + title.charAt(0) + "\nrelated:\n" + related + "---\n";
  }

  private static String related(String title, String url) {
    return "  - title: \"" + title + "\"\n    excerpt: \"Related " + title + "\"\n    publishedDateTime: 2021-03-02T10:00:00Z\n"
        + "    webUrl: \"" + url + "\"\n    quality: 5\n    provider:\n      name: Wire\n      domain: wire.example\n";
  }

  @Test
  void sameStoryTwiceInOneFileInTwoFilesAndAsArticleAndRelated() throws Exception {
    // a.txt: article Alpha, related Shared (twice: tracking parameter and trailing slash differ) and Beta.
    Files.writeString(seeds.resolve("a.txt"), item("Alpha", "https://alpha.example/story", 50,
        related("Shared story", "https://WWW.Shared.example/news/1?utm_source=rss")
            + related("Shared story again", "https://shared.example/news/1/#top")
            + related("Beta seen from Alpha", "https://beta.example/story")));
    // b.txt: article Beta (seen above as a related entry), related Shared once more.
    Files.writeString(seeds.resolve("b.txt"), item("Beta", "https://beta.example/story/", 70,
        related("Shared story", "http://shared.example/news/1")));

    var result = new Rebuilder(new IndexBuilder()).rebuild(seeds, new IndexHome(home), IndexBuilder.Listener.NONE);
    BuildReport r = result.report();
    assertEquals(6, r.items());
    assertEquals(3, r.documents(), "Alpha, Beta and Shared");
    assertEquals(3, r.duplicatesMerged());
    assertEquals(2, r.articles());
    assertEquals(1, r.related());

    try (Lede lede = Lede.open(home)) {
      ItemDetails beta = lede.item(StoryKey.idForUrl("https://beta.example/story")).orElseThrow();
      assertEquals("article", beta.hit().kind(), "the article's copy wins over the related entry's");
      assertEquals("Beta", beta.hit().title());
      assertEquals(70, beta.hit().quality());
      assertEquals(List.of("Alpha"), beta.hit().parents().stream().map(ParentLink::title).toList());
      assertEquals(List.of("a.txt", "b.txt"), beta.sources());

      Hit shared = lede.item(StoryKey.idForUrl("https://shared.example/news/1")).orElseThrow().hit();
      assertEquals("related", shared.kind());
      assertEquals(List.of("Alpha", "Beta"), shared.parents().stream().map(ParentLink::title).sorted().toList());
      assertTrue(shared.topics().containsAll(List.of("Topic A", "Topic B")), "topics of every parent: " + shared.topics());
    }
  }

  @Test
  void normalisedUrlsIgnoreWhatDoesNotNameADifferentStory() {
    String id = StoryKey.idForUrl("https://example.com/a/b");
    assertEquals(id, StoryKey.idForUrl("http://WWW.Example.COM/a/b/"));
    assertEquals(id, StoryKey.idForUrl("https://example.com/a/b?utm_source=x&utm_medium=y#frag"));
    assertEquals(id, StoryKey.idForUrl("https://example.com:443/a/b?fbclid=123"));
    assertTrue(!id.equals(StoryKey.idForUrl("https://example.com/a/c")));
    assertTrue(!id.equals(StoryKey.idForUrl("https://example.com/a/b?id=7")));
    assertEquals(StoryKey.idForUrl("https://e.com/x?b=2&a=1"), StoryKey.idForUrl("https://e.com/x?a=1&b=2"));
  }
}
