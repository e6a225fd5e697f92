package io.lede.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small synthetic news item files for the rebuild and incremental tests. */
final class NewsFiles {
  private NewsFiles() {}

  /** An item file: an article with a unique word in its title, and related entries (title, url) pairs. */
  static String item(String title, String url, String... related) {
    StringBuilder s = new StringBuilder("---\ntitle: \"" + title + "\"\nexcerpt: \"About " + title + "\"\n"
        + "publishedDateTime: 2021-03-01T10:00:00Z\nwebUrl: \"" + url + "\"\nquality: 50\nheat: 10\npublished: true\n"
        + "category: news\nprovider:\n  name: Paper\n  domain: paper.example\ntopics:\n  - Testing\n");
    if (related.length > 0) s.append("related:\n");
    for (int i = 0; i + 1 < related.length; i += 2) {
      s.append("  - title: \"").append(related[i]).append("\"\n    excerpt: \"Related ").append(related[i])
          .append("\"\n    publishedDateTime: 2021-03-02T10:00:00Z\n    webUrl: \"").append(related[i + 1])
          .append("\"\n    quality: 5\n    provider:\n      name: Wire\n      domain: wire.example\n");
    }
    return s.append("---\nBody text of ").append(title).append(".\n").toString();
  }

  /**
   * {@code n} files, file i holding article "storyI" (searchable as the word "storyI") and a related
   * entry shared by every file ("common wire story"), so documents = n + 1.
   */
  static List<Path> corpus(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path f = dir.resolve(String.format("item%04d.txt", i));
      Files.writeString(f, item("Story" + i + " headline", "https://paper.example/story/" + i,
          "Common wire story", "https://wire.example/common"));
      files.add(f);
    }
    return files;
  }
}
