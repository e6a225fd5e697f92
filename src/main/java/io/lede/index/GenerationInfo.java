package io.lede.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One generation as an operator sees it in {@code lede stats}: read from its last commit without
 * opening a searcher, so listing is cheap even for large generations.
 *
 * @param state {@code live}, {@code ready} (complete, can be rolled back to) or {@code partial}
 * @param updatedAt the last incremental update, if any
 * @param stats the counts its last commit recorded; empty when it has no readable commit
 */
public record GenerationInfo(String name, String state, Optional<IndexStats> stats, Optional<Instant> updatedAt,
    long documents, long bytes) {

  public static final String LIVE = "live";
  public static final String READY = "ready";
  public static final String PARTIAL = "partial";

  /** Every generation of {@code home}, oldest first. */
  public static List<GenerationInfo> list(IndexHome home) throws IOException {
    Optional<String> live = home.liveGeneration();
    List<GenerationInfo> infos = new ArrayList<>();
    for (String g : home.generations()) {
      String state = live.filter(g::equals).isPresent() ? LIVE : home.isReady(g) ? READY : PARTIAL;
      infos.add(read(home.generationDir(g), g, state));
    }
    return infos;
  }

  private static GenerationInfo read(Path dir, String name, String state) throws IOException {
    long bytes = sizeOf(dir);
    try (Directory d = FSDirectory.open(dir)) {
      SegmentInfos commit = SegmentInfos.readLatestCommit(d);
      Map<String, String> data = commit.getUserData();
      long documents = 0;
      for (var si : commit) documents += si.info.maxDoc() - si.getDelCount() - si.getSoftDelCount();
      Optional<Instant> updated = Optional.ofNullable(data.get(IndexStats.UPDATED_AT)).map(Instant::parse);
      return new GenerationInfo(name, state, Optional.of(IndexStats.fromCommitData(data)), updated, documents, bytes);
    } catch (IOException | RuntimeException e) {
      // No commit yet (a build in progress or killed): list it, with nothing to count.
      return new GenerationInfo(name, state, Optional.empty(), Optional.empty(), 0, bytes);
    }
  }

  private static long sizeOf(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0; // deleted while we looked (Lucene merging)
        }
      }).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }
}
