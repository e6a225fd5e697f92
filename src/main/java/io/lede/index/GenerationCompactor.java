package io.lede.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Merges a freshly built generation down to a few segments before it is validated and published.
 *
 * <p>A generation is written once and then only read until the next rebuild (incremental runs add small
 * segments on top of it), so the merge is paid once a night while every search gains: on 1M items the
 * default search answers about twice as fast from one segment as from the dozen the build flushes, and
 * the deletions left by merged duplicates are purged (bench/RESULTS.md).
 */
final class GenerationCompactor {

  /** Segment counts of the index before and after. */
  record Result(int segmentsBefore, int segments) {}

  private GenerationCompactor() {}

  /** Merges the index in {@code dir} to at most {@code maxSegments} segments (0: leaves it as it is). */
  static Result compact(Path dir, int maxSegments) throws IOException {
    try (Directory directory = FSDirectory.open(dir)) {
      SegmentInfos before = SegmentInfos.readLatestCommit(directory);
      if (maxSegments <= 0 || (before.size() <= maxSegments && !hasDeletions(before))) {
        return new Result(before.size(), before.size());
      }
      IndexWriterConfig config = Schema.writerConfigFor(directory).setOpenMode(IndexWriterConfig.OpenMode.APPEND);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        writer.forceMerge(maxSegments);
        // The build's statistics live in the commit's user data: carry them over explicitly.
        writer.setLiveCommitData(before.getUserData().entrySet());
        writer.commit();
      } catch (IOException | IllegalStateException e) {
        // Merging reads every segment with its checksum: a damaged file is found here, before validation.
        throw new IOException("merging the new generation's segments failed: " + rootCause(e), e);
      }
      return new Result(before.size(), SegmentInfos.readLatestCommit(directory).size());
    }
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root.getMessage();
  }

  private static boolean hasDeletions(SegmentInfos infos) {
    return infos.asList().stream().anyMatch(s -> s.getDelCount() > 0);
  }
}
