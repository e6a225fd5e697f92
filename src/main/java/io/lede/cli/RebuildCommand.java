package io.lede.cli;

import io.lede.index.BuildReport;
import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.Rebuilder;
import io.lede.index.Retention;
import io.lede.index.ValidationPolicy;
import io.lede.index.ValidationReport;
import io.lede.index.WriteLock;
import io.lede.item.ItemProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lede rebuild}: index every news file into a new generation, validate it, publish it.
 * Exit codes: 0 published; 1 not published (validation failed, the index is locked, or an error);
 * 2 usage error.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
    description = {"Rebuild the index from the news item files into a new generation beside the live one, "
        + "validate it, and only then publish it; old generations beyond --keep are deleted.",
        "Checks: Lucene CheckIndex; documents did not drop more than --max-drop versus the live generation; "
        + "every canary query finds something; files with problems stay under --max-problem-share."})
final class RebuildCommand implements Callable<Integer> {

  private static final int PROBLEMS_SHOWN = 20;

  @Option(names = "--seeds", paramLabel = "DIR", description = "Folder of news item files (default: seeds/).")
  private Path seeds;

  @Mixin private IndexOption index;

  @Option(names = "--strict", description = "Do not publish when any file has a problem.")
  private boolean strict;

  @Option(names = "--force", description = "Publish even when validation fails (the failures are still reported).")
  private boolean force;

  @Option(names = "--canary", paramLabel = "FILE",
      description = "Canary queries, one per line, each must find a document (default: canaries.txt in the index home, if present).")
  private Path canary;

  @Option(names = "--max-drop", paramLabel = "FRACTION",
      description = "Largest allowed drop in documents versus the live generation (default: ${DEFAULT-VALUE}).")
  private double maxDrop = ValidationPolicy.DEFAULT_MAX_DOCUMENT_DROP;

  @Option(names = "--max-problem-share", paramLabel = "FRACTION",
      description = "Largest allowed share of files with problems (default: ${DEFAULT-VALUE}).")
  private double maxProblemShare = ValidationPolicy.DEFAULT_MAX_PROBLEM_SHARE;

  @Option(names = "--check-level", paramLabel = "N",
      description = "Lucene CheckIndex level: 1 checksums (default), 2 also decodes every structure, 3 slow cross-checks, 0 skip.")
  private int checkLevel = ValidationPolicy.DEFAULT_CHECK_INDEX_LEVEL;

  @Option(names = "--keep", paramLabel = "N", description = "Generations to keep, at least 2 (default: ${DEFAULT-VALUE}).")
  private int keep = Retention.DEFAULT_KEEP;

  @Option(names = "--max-segments", paramLabel = "N",
      description = "Merge the new generation down to at most N segments before validating it; faster searches "
          + "for one merge a night (default: ${DEFAULT-VALUE}; 0 keeps the segments as built).")
  private int maxSegments = Rebuilder.Options.DEFAULT_MAX_SEGMENTS;

  @Option(names = {"-q", "--quiet"}, description = "Print only warnings, errors and the final summary line.")
  private boolean quiet;

  @Override
  public Integer call() {
    Path seedsDir = seeds != null ? seeds : Paths.defaultDir("seeds");
    IndexHome home = new IndexHome(index.indexHome());
    RunReporter reporter = new RunReporter("rebuild", quiet);
    long start = System.nanoTime();
    Rebuilder.Options options;
    try {
      options = new Rebuilder.Options(policy(home), keep, force, maxSegments);
      new Retention(keep); // rejects a bad --keep now, as a usage error, rather than after an hour of indexing
    } catch (IllegalArgumentException | java.io.IOException e) {
      reporter.error(e.getMessage());
      return 2;
    }
    try {
      Rebuilder.Result r = new Rebuilder(new IndexBuilder()).rebuild(seedsDir, home, options, reporter);
      if (!quiet) showProblems(reporter, r, home);
      for (ValidationReport.Check c : r.validation().checks()) {
        if (c.failed()) {
          reporter.error("validation failed: " + c.name() + ": " + c.detail());
        } else {
          reporter.info("check " + c.name() + " " + c.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + c.detail());
        }
      }
      if (r.published()) {
        reporter.info((r.forced() ? "FORCED: published generation " : "published generation ") + r.generation()
            + " in " + home.root() + (r.forced() ? " although validation failed" : ""));
      } else {
        reporter.error("generation " + r.generation() + " was not published and has been deleted; the live generation "
            + r.previous().orElse("(none)") + " is unchanged" + " (--force publishes anyway)");
      }
      reporter.summary(summary(r, start));
      return r.published() ? 0 : 1;
    } catch (WriteLock.HeldException e) {
      reporter.error(e.getMessage());
      reporter.summary(failure("locked", start));
      return 1;
    } catch (Exception e) {
      reporter.error("rebuild failed, the live index is unchanged: " + e);
      reporter.summary(failure("error", start));
      return 1;
    }
  }

  private ValidationPolicy policy(IndexHome home) throws java.io.IOException {
    Path canaries = canary != null ? canary : home.root().resolve(ValidationPolicy.CANARY_FILE);
    List<String> queries = List.of();
    if (canary != null || Files.isRegularFile(canaries)) {
      if (!Files.isRegularFile(canaries)) throw new java.io.IOException("canary file " + canaries + " does not exist");
      queries = ValidationPolicy.readCanaries(canaries);
    }
    return new ValidationPolicy(maxDrop, maxProblemShare, queries, strict, checkLevel);
  }

  private static void showProblems(RunReporter reporter, Rebuilder.Result r, IndexHome home) {
    List<ItemProblem> problems = r.report().problems();
    problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> System.err.println("problem: " + p));
    if (problems.size() > PROBLEMS_SHOWN) {
      String where = r.published()
          ? " (all of them in " + home.generationDir(r.generation()).resolve(Rebuilder.PROBLEMS_FILE) + ")" : "";
      System.err.println("problem: ... and " + (problems.size() - PROBLEMS_SHOWN) + " more" + where);
    }
  }

  private static Map<String, Object> summary(Rebuilder.Result r, long start) {
    BuildReport b = r.report();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("result", r.published() ? (r.forced() ? "forced" : "published") : "rejected");
    m.put("generation", r.generation());
    m.put("live", r.published() ? r.generation() : r.previous().orElse("none"));
    m.put("previous", r.previous().orElse("none"));
    m.put("files", b.filesRead());
    m.put("items", b.items());
    m.put("documents", b.documents());
    m.put("duplicates_merged", b.duplicatesMerged());
    m.put("problems", b.problems().size());
    m.put("files_with_problems", b.filesWithProblems());
    m.put("files_failed", b.filesFailed());
    m.put("validation", r.validation().passed() ? "passed" : "failed");
    m.put("failed_checks", r.validation().failedNames());
    m.put("removed_partial", String.join(",", r.removedLeftovers()));
    m.put("pruned", String.join(",", r.pruned()));
    m.put("seconds", (System.nanoTime() - start) / 1e9);
    return m;
  }

  static Map<String, Object> failure(String result, long start) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("result", result);
    m.put("seconds", (System.nanoTime() - start) / 1e9);
    return m;
  }
}
