package io.lede.index;

import io.lede.item.ParseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Fills a new generation's manifest while {@link IndexBuilder} indexes each file. */
final class ManifestRecorder implements IndexBuilder.FileObserver {

  private final ManifestWriter writer;
  private final Path seeds;
  private final long startedAt;

  /** {@code startedAt}: epoch millis before the first file was read (see {@link ManifestEntry#trustStat}). */
  ManifestRecorder(ManifestWriter writer, Path seeds, long startedAt) {
    this.writer = writer;
    this.seeds = seeds;
    this.startedAt = startedAt;
  }

  @Override
  public void fileIndexed(Path file, byte[] content, ParseResult parsed, List<StoryDoc> docs) throws IOException {
    writer.add(entry(FileStat.key(seeds, file), content, statOrMissing(file), startedAt, parsed, docs));
  }

  static ManifestEntry entry(String key, byte[] content, FileStat stat, long verifiedAt, ParseResult parsed,
      List<StoryDoc> docs) {
    return new ManifestEntry(key, ContentHash.of(content), stat.size(), stat.mtimeNanos(), verifiedAt, docs.size(),
        parsed.problems().size(), parsed.item().isEmpty(), docs.stream().map(StoryDoc::id).toList());
  }

  /** A file that vanished after it was read gets an impossible stat, so the next run looks at it again. */
  static FileStat statOrMissing(Path file) {
    try {
      return FileStat.of(file);
    } catch (IOException e) {
      return new FileStat(-1, -1);
    }
  }
}
