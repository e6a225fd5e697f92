package io.lede.index;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Every news item file under a seeds folder with its size and modification time, from a single walk:
 * one stat per file (the walk's own), which is what makes "nothing changed" cheap for 10^6 files.
 */
final class SeedsScan {
  private SeedsScan() {}

  /** Manifest key ({@link FileStat#key}) to the file and its stat, for the same files as {@link IndexBuilder#itemFiles}. */
  static Map<String, Scanned> scan(Path seeds) throws IOException {
    if (!Files.isDirectory(seeds)) throw new IOException("seeds directory " + seeds + " does not exist");
    Path root = seeds.toAbsolutePath().normalize();
    Map<String, Scanned> files = new HashMap<>(1 << 16);
    int prefix = root.toString().length() + 1; // cheaper than relativize() for 10^6 files
    walk(root, (file, attrs) -> {
      String key = file.toString().substring(prefix);
      if (java.io.File.separatorChar != '/') key = key.replace(java.io.File.separatorChar, '/');
      files.put(key, new Scanned(file, new FileStat(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS))));
    });
    return files;
  }

  /**
   * Visits every news item file under {@code start} with its attributes: the one walk behind both a full
   * rebuild's file list and the incremental scan, so the two always see the same files. Symbolic links
   * to files and to folders are followed (a seeds folder assembled from links is common); a link that
   * leads back into the walk, or a file that vanishes while walking, is skipped.
   */
  static void walk(Path start, BiConsumer<Path, BasicFileAttributes> itemFile) throws IOException {
    Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && IndexBuilder.isItemFileName(file)) itemFile.accept(file, attrs);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // vanished while we walked, a dangling link, or a link loop
      }
    });
  }

  record Scanned(Path file, FileStat stat) {}
}
