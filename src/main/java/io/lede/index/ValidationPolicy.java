package io.lede.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a new generation must satisfy before it replaces the live one.
 *
 * @param maxDocumentDrop the largest fraction of the live generation's documents the new one may lack
 *     (0.2: at most 20% fewer); guards against a half-copied or half-mounted news folder
 * @param maxProblemShare the largest fraction of files that may have problems
 * @param canaries queries that must each find at least one document
 * @param strict no file may have a problem at all
 * @param checkIndexLevel how thoroughly Lucene's CheckIndex reads the new generation: 1 verifies every
 *     file's checksum (catches truncated or corrupted files), 2 also decodes every data structure,
 *     3 adds slow cross-checks; 0 skips it
 */
public record ValidationPolicy(double maxDocumentDrop, double maxProblemShare, List<String> canaries, boolean strict,
    int checkIndexLevel) {

  public static final double DEFAULT_MAX_DOCUMENT_DROP = 0.20;
  public static final double DEFAULT_MAX_PROBLEM_SHARE = 0.10;
  /** The canary file looked for in the index home when none is given. */
  public static final String CANARY_FILE = "canaries.txt";
  /** Checksums of every file: seconds even for a million documents (see bench/RESULTS.md). */
  public static final int DEFAULT_CHECK_INDEX_LEVEL = 1;

  public static final ValidationPolicy DEFAULTS =
      new ValidationPolicy(DEFAULT_MAX_DOCUMENT_DROP, DEFAULT_MAX_PROBLEM_SHARE, List.of(), false, DEFAULT_CHECK_INDEX_LEVEL);

  public ValidationPolicy {
    if (!(maxDocumentDrop >= 0 && maxDocumentDrop <= 1)) throw new IllegalArgumentException("maxDocumentDrop must be within 0..1");
    if (!(maxProblemShare >= 0 && maxProblemShare <= 1)) throw new IllegalArgumentException("maxProblemShare must be within 0..1");
    if (checkIndexLevel < 0 || checkIndexLevel > 3) throw new IllegalArgumentException("the CheckIndex level is 0 (skip) to 3");
    canaries = List.copyOf(canaries);
  }

  public ValidationPolicy withCanaries(List<String> queries) {
    return new ValidationPolicy(maxDocumentDrop, maxProblemShare, queries, strict, checkIndexLevel);
  }

  /** Canary queries from a file: one per line; blank lines and lines starting with '#' are skipped. */
  public static List<String> readCanaries(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }
}
