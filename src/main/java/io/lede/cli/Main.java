package io.lede.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lede} command line. Exit codes: 0 success, 1 failure a cron job must notice, 2 usage error. */
@Command(
    name = "lede",
    mixinStandardHelpOptions = true,
    version = "Lede 0.1.0",
    description = "Lede: a search engine for news, built on Apache Lucene.",
    subcommands = {ServeCommand.class, RebuildCommand.class, IndexCommand.class, RollbackCommand.class, SearchCommand.class,
        StatsCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Lucene says at INFO on every start that it found the vector API; a command's output is no place for it.
   * Held here because the logging framework keeps loggers only weakly.
   */
  private static final Logger VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    VECTORIZATION.setLevel(Level.WARNING);
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
