package io.lede.index;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && IndexBuilder.isItemFileName(file)) {
          String key = file.toString().substring(prefix);
          if (java.io.File.separatorChar != '/') key = key.replace(java.io.File.separatorChar, '/');
          files.put(key, new Scanned(file, new FileStat(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS))));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // vanished while we walked: it is simply not there
      }
    });
    return files;
  }

  record Scanned(Path file, FileStat stat) {}
}
