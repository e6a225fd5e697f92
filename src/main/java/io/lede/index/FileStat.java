package io.lede.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/** A file's size and modification time: what decides, cheaply, whether it needs hashing again. */
record FileStat(long size, long mtimeNanos) {

  static FileStat of(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return new FileStat(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
  }

  /** The manifest's key for {@code file}: its path under {@code seeds}, '/'-separated on every OS. */
  static String key(Path seeds, Path file) {
    return seeds.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
        .replace(java.io.File.separatorChar, '/');
  }
}
