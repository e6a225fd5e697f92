package io.lede.server;

import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.Rebuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Index homes and news item files for the server tests, all under a test's temporary folder. */
final class Fixtures {
  private Fixtures() {}

  /** The repository's sample seeds (tests run from the project root). */
  static Path seeds() {
    Path seeds = Path.of("seeds");
    if (!Files.isDirectory(seeds)) throw new IllegalStateException("run the tests from the project root: no seeds/ here");
    return seeds;
  }

  /** Builds and publishes a generation of {@code home} from {@code items}; returns its name. */
  static String publish(Path items, Path home) throws IOException {
    return new Rebuilder(new IndexBuilder(1, 16)).rebuild(items, new IndexHome(home), IndexBuilder.Listener.NONE).generation();
  }

  /**
   * Writes {@code count} article files whose titles all carry {@code marker}, so a search for "marker"
   * shows which build answered.
   */
  static Path items(Path dir, String marker, int count) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < count; i++) {
      Files.writeString(dir.resolve(marker + "-" + i + ".txt"), """
          ---
          title: "Marker %1$s story number %2$d"
          excerpt: "An excerpt about the %1$s marker, story %2$d."
          publishedDateTime: 2021-03-%3$02dT10:00:00Z
          sourceUrl: https://example.org/%1$s/%2$d
          type: article
          quality: %4$d
          heat: 20
          published: true
          category: news
          provider:
            name: Example Times
            domain: example.org
          topics:
            - AI
          ---
          The body of %1$s story %2$d.
          """.formatted(marker, i, 1 + i % 28, 10 + i));
    }
    return dir;
  }
}
