package io.lede.cli;

import io.lede.index.IndexHome;
import io.lede.index.Rollback;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lede rollback}: make the previous ready generation live again. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Point the index back at the previous ready generation (or --to a given one). "
        + "A running server switches at its next refresh.")
final class RollbackCommand implements Callable<Integer> {

  @Mixin private IndexOption index;

  @Option(names = "--to", paramLabel = "GENERATION", description = "The generation to make live, e.g. 000004 (see lede stats).")
  private String to;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors and the summary line.")
  private boolean quiet;

  @Override
  public Integer call() {
    RunReporter reporter = new RunReporter("rollback", quiet);
    long start = System.nanoTime();
    try {
      Rollback.Result r = Rollback.run(new IndexHome(index.indexHome()), Optional.ofNullable(to));
      reporter.info("generation " + r.to() + " is live again (was " + r.from() + ")");
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("result", "rolled_back");
      summary.put("from", r.from());
      summary.put("to", r.to());
      reporter.summary(summary);
      return 0;
    } catch (Exception e) {
      reporter.error(e.getMessage());
      reporter.summary(RebuildCommand.failure("failed", start));
      return 1;
    }
  }
}
