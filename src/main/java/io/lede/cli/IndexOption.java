package io.lede.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option shared by every command that reads or writes an index home. */
final class IndexOption {
  @Option(names = "--index", paramLabel = "DIR", description = "Index home (default: index/ beside the launcher).")
  private Path index;

  Path indexHome() {
    return index != null ? index : Paths.defaultDir("index");
  }
}
