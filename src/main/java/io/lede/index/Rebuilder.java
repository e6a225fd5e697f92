package io.lede.index;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Builds a complete new generation beside the live one and publishes it. */
public final class Rebuilder {

  /** The outcome: the generation written and whether it went live. */
  public record Result(String generation, BuildReport report, boolean published) {}

  private final IndexBuilder builder;

  public Rebuilder(IndexBuilder builder) {
    this.builder = builder;
  }

  /**
   * Indexes every item file under {@code seeds} into a new generation of {@code home} and publishes it.
   * A build that fails leaves the live generation untouched and removes the partial one.
   */
  public Result rebuild(Path seeds, IndexHome home, IndexBuilder.Listener listener) throws IOException {
    List<Path> files = IndexBuilder.itemFiles(seeds);
    String generation = home.createGeneration();
    Path dir = home.generationDir(generation);
    BuildReport report;
    try {
      report = builder.build(files, dir, listener);
    } catch (IOException | RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
    home.publish(generation);
    return new Result(generation, report, true);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
