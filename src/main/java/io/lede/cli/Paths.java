package io.lede.cli;

import java.nio.file.Path;

/** Where the defaults live: relative to LEDE_HOME (set by the launcher to its folder), else the working directory. */
final class Paths {
  private Paths() {}

  static Path defaultDir(String name) {
    String home = System.getenv("LEDE_HOME");
    return home == null || home.isBlank() ? Path.of(name) : Path.of(home, name);
  }
}
