package io.lede.cli;

import io.lede.index.IncrementalIndexer;
import io.lede.index.IndexHome;
import io.lede.index.ValidationPolicy;
import io.lede.index.WriteLock;
import io.lede.item.ItemProblem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lede index}: apply new, changed and deleted news files to the live generation. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = {"Apply only what changed in the news folder since the last run (new, changed and deleted files, "
        + "by content hash) to a new commit of the live generation. A running server picks it up at its next refresh.",
        "Run lede rebuild once first; it records what each file holds."})
final class IndexCommand implements Callable<Integer> {

  @Option(names = "--seeds", paramLabel = "DIR", description = "Folder of news item files (default: seeds/).")
  private Path seeds;

  @Mixin private IndexOption index;

  @Option(names = "--max-drop", paramLabel = "FRACTION",
      description = "Refuse when more than this share of known files was deleted (default: ${DEFAULT-VALUE}).")
  private double maxDrop = ValidationPolicy.DEFAULT_MAX_DOCUMENT_DROP;

  @Option(names = {"-q", "--quiet"}, description = "Print only warnings, errors and the final summary line.")
  private boolean quiet;

  @Override
  public Integer call() {
    Path seedsDir = seeds != null ? seeds : Paths.defaultDir("seeds");
    RunReporter reporter = new RunReporter("index", quiet);
    long start = System.nanoTime();
    try {
      IncrementalIndexer.Result r = new IncrementalIndexer(maxDrop).apply(seedsDir, new IndexHome(index.indexHome()), reporter);
      if (!quiet) for (ItemProblem p : r.problems()) System.err.println("problem: " + p);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("result", r.committed() ? "committed" : "unchanged");
      m.put("generation", r.generation());
      m.put("files", r.files());
      m.put("new", r.added());
      m.put("changed", r.changed());
      m.put("deleted", r.deleted());
      m.put("restamped", r.restamped());
      m.put("stories_updated", r.storiesUpdated());
      m.put("stories_deleted", r.storiesDeleted());
      m.put("documents", r.stats().documents());
      m.put("problems", r.problems().size());
      m.put("seconds", (System.nanoTime() - start) / 1e9);
      reporter.summary(m);
      return 0;
    } catch (WriteLock.HeldException e) {
      reporter.error(e.getMessage());
      reporter.summary(RebuildCommand.failure("locked", start));
      return 1;
    } catch (Exception e) {
      reporter.error("incremental indexing failed, the live index is unchanged: " + e.getMessage());
      reporter.summary(RebuildCommand.failure("error", start));
      return 1;
    }
  }
}
