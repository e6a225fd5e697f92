package io.lede.index;

import java.util.List;

/**
 * What the manifest knows about one news file.
 *
 * @param path relative to the seeds folder, '/'-separated
 * @param hash {@link ContentHash} of the bytes indexed
 * @param size bytes, when hashed
 * @param mtimeNanos modification time when hashed, epoch nanoseconds
 * @param verifiedAt epoch millis taken before the file was read; see {@link #trustStat}
 * @param items stories the file gave (articles and related entries)
 * @param problems problems reported for it
 * @param failed it gave no item at all
 * @param stories ids of the stories it gave (left empty by {@link Manifest#entries}, which does not load them)
 */
public record ManifestEntry(String path, String hash, long size, long mtimeNanos, long verifiedAt, int items,
    int problems, boolean failed, List<String> stories) {

  /**
   * How close (ms) a modification may be to the moment the file was read and still be missed by a
   * size+mtime comparison: file systems with coarse timestamps (2 s on FAT) or a write landing in the
   * same clock tick as our read. The same rule git uses for its "racily clean" index entries.
   */
  static final long RACY_WINDOW_MILLIS = 2_000;

  public ManifestEntry {
    stories = List.copyOf(stories);
  }

  /**
   * True when an unchanged size and mtime prove the content unchanged: the file was last modified
   * safely before we read it. Otherwise it must be hashed again.
   */
  boolean trustStat(long size, long mtimeNanos) {
    return size == this.size && mtimeNanos == this.mtimeNanos
        && mtimeNanos / 1_000_000 < verifiedAt - RACY_WINDOW_MILLIS && !hash.equals(ContentHash.UNREADABLE);
  }
}
