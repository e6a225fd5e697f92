package io.lede.index;

import io.lede.item.ItemProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The nightly rebuild: builds a complete new generation beside the live one, merges its segments,
 * validates it, and only then publishes it; finally prunes old generations.
 *
 * <p>Crash safety comes from the order of the steps. Nothing the live generation or the pointer
 * depends on is touched until the new generation is complete, validated and durably marked ready;
 * publishing is one atomic rename. A run killed at any moment leaves either the old pointer (and a
 * partial generation, which the next writer removes) or the new one. The {@link WriteLock} keeps two
 * writers apart.
 */
public final class Rebuilder {

  public static final String PROBLEMS_FILE = "problems.txt";

  /**
   * How to rebuild. {@code force}: publish even when validation fails (and say so); {@code maxSegments}:
   * merge the new generation down to at most this many segments before validating it (0: do not merge).
   */
  public record Options(ValidationPolicy policy, int keep, boolean force, int maxSegments) {
    public static final int DEFAULT_MAX_SEGMENTS = 1;
    public static final Options DEFAULTS = new Options(ValidationPolicy.DEFAULTS, Retention.DEFAULT_KEEP, false);

    public Options {
      if (maxSegments < 0) throw new IllegalArgumentException("maxSegments must be 0 (no merge) or more, not " + maxSegments);
    }

    public Options(ValidationPolicy policy, int keep, boolean force) {
      this(policy, keep, force, DEFAULT_MAX_SEGMENTS);
    }
  }

  /**
   * The outcome.
   *
   * @param previous the generation that was live before
   * @param published whether {@code generation} is live now
   * @param forced it was published although validation failed
   * @param removedLeftovers partial generations of crashed runs that were cleaned up first
   * @param pruned old generations deleted by retention
   * @param staleLock the holder of a lock left by a process that died
   */
  public record Result(String generation, BuildReport report, ValidationReport validation, Optional<String> previous,
      boolean published, boolean forced, List<String> removedLeftovers, List<String> pruned,
      Optional<WriteLock.Owner> staleLock) {}

  private final IndexBuilder builder;

  public Rebuilder(IndexBuilder builder) {
    this.builder = builder;
  }

  /** Rebuilds with the default options. */
  public Result rebuild(Path seeds, IndexHome home) throws IOException {
    return rebuild(seeds, home, Options.DEFAULTS, RebuildListener.NONE);
  }

  /** Rebuilds with the default options, reporting file progress to {@code progress}. */
  public Result rebuild(Path seeds, IndexHome home, IndexBuilder.Listener progress) throws IOException {
    return rebuild(seeds, home, Options.DEFAULTS, new RebuildListener() {
      @Override
      public void filesDone(int done, int total) {
        progress.filesDone(done, total);
      }
    });
  }

  public Result rebuild(Path seeds, IndexHome home, Options options, RebuildListener listener) throws IOException {
    Retention retention = new Retention(options.keep());
    long t = System.nanoTime();
    try (WriteLock lock = WriteLock.acquire(home, "rebuild --seeds " + seeds)) {
      lock.staleOwner().ifPresent(o -> listener.warning("took over a stale lock left by " + o + ", which is no longer running"));
      List<String> leftovers = home.removeLeftovers();
      listener.phaseDone("prepare", facts("removed_partial", names(leftovers)), since(t));

      t = System.nanoTime();
      List<Path> files = IndexBuilder.itemFiles(seeds);
      listener.phaseDone("scan", facts("files", files.size()), since(t));

      Optional<String> previous = home.liveGeneration();
      String generation = home.createGeneration(leftovers);
      Path dir = home.generationDir(generation);
      try {
        t = System.nanoTime();
        listener.phaseStarted("index", files.size());
        // Merged down as a whole in the merge phase: little merging while building.
        BuildReport report = buildWithManifest(options.maxSegments() > 0 ? builder.deferringMerges() : builder, files, seeds,
            dir, listener);
        writeProblems(dir, report.problems());
        listener.phaseDone("index", indexFacts(generation, report), since(t));

        t = System.nanoTime();
        listener.phaseStarted("merge", 0);
        GenerationCompactor.Result merged = GenerationCompactor.compact(dir, options.maxSegments());
        listener.phaseDone("merge", facts("segments_before", merged.segmentsBefore(), "segments", merged.segments()),
            since(t));

        t = System.nanoTime();
        listener.phaseStarted("validate", 0);
        ValidationReport validation = new GenerationValidator(options.policy())
            .validate(dir, report, previous, previous.map(home::generationDir));
        listener.phaseDone("validate", facts("result", validation.passed() ? "passed" : "failed",
            "failed_checks", validation.failedNames()), since(t));
        boolean forced = !validation.passed() && options.force();
        if (!validation.passed() && !forced) {
          home.deleteGeneration(generation);
          return new Result(generation, report, validation, previous, false, false, leftovers, List.of(), lock.staleOwner());
        }
        if (forced) listener.warning("publishing generation " + generation + " although validation failed (--force): "
            + validation.failedNames());
        home.markReady(generation, readyInfo(seeds, report, validation, forced));

        t = System.nanoTime();
        home.publish(generation);
        listener.phaseDone("publish", facts("generation", generation, "previous", previous.orElse("none"),
            "forced", forced), since(t));

        t = System.nanoTime();
        List<String> pruned = retention.prune(home);
        listener.phaseDone("retention", facts("keep", options.keep(), "deleted", names(pruned)), since(t));
        return new Result(generation, report, validation, previous, true, forced, leftovers, pruned, lock.staleOwner());
      } catch (IOException | RuntimeException e) {
        if (!home.liveGeneration().filter(generation::equals).isPresent()) deleteQuietly(home, generation, e);
        throw e;
      }
    }
  }

  private static BuildReport buildWithManifest(IndexBuilder builder, List<Path> files, Path seeds, Path dir,
      RebuildListener listener) throws IOException {
    long startedAt = System.currentTimeMillis();
    Files.createDirectories(dir);
    try (ManifestWriter manifest = ManifestWriter.create(dir)) {
      BuildReport report = builder.build(files, dir, listener, new ManifestRecorder(manifest, seeds, startedAt));
      manifest.commit(Manifest.BUILD_COMMIT, seeds.toAbsolutePath().normalize());
      return report;
    }
  }

  private static void writeProblems(Path dir, List<ItemProblem> problems) throws IOException {
    List<String> lines = problems.stream().map(ItemProblem::toString).sorted().toList();
    Files.write(dir.resolve(PROBLEMS_FILE), lines, StandardCharsets.UTF_8);
  }

  private static Properties readyInfo(Path seeds, BuildReport report, ValidationReport validation, boolean forced) {
    Properties p = new Properties();
    p.setProperty("readyAt", Instant.now().toString());
    p.setProperty("seeds", seeds.toAbsolutePath().normalize().toString());
    p.setProperty("documents", String.valueOf(report.documents()));
    p.setProperty("validation", validation.passed() ? "passed" : "failed");
    p.setProperty("failedChecks", validation.failedNames());
    p.setProperty("forced", String.valueOf(forced));
    return p;
  }

  private static Map<String, Object> indexFacts(String generation, BuildReport r) {
    return facts("generation", generation, "files", r.filesRead(), "items", r.items(), "documents", r.documents(),
        "duplicates_merged", r.duplicatesMerged(), "problems", r.problems().size(),
        "files_with_problems", r.filesWithProblems(), "files_failed", r.filesFailed(),
        "items_per_s", Math.round(r.itemsPerSecond()));
  }

  private static void deleteQuietly(IndexHome home, String generation, Exception cause) {
    try {
      home.deleteGeneration(generation);
    } catch (IOException e) {
      cause.addSuppressed(e); // the next writer removes it as a leftover
    }
  }

  static Map<String, Object> facts(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
    return m;
  }

  static String names(List<String> generations) {
    return generations.isEmpty() ? "none" : String.join(",", generations);
  }

  static long since(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
