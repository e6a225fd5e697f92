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
 * @param checkIndex run Lucene's CheckIndex over the new generation
 */
public record ValidationPolicy(double maxDocumentDrop, double maxProblemShare, List<String> canaries, boolean strict,
    boolean checkIndex) {

  public static final double DEFAULT_MAX_DOCUMENT_DROP = 0.20;
  public static final double DEFAULT_MAX_PROBLEM_SHARE = 0.10;
  /** The canary file looked for in the index home when none is given. */
  public static final String CANARY_FILE = "canaries.txt";

  public static final ValidationPolicy DEFAULTS =
      new ValidationPolicy(DEFAULT_MAX_DOCUMENT_DROP, DEFAULT_MAX_PROBLEM_SHARE, List.of(), false, true);

  public ValidationPolicy {
    if (!(maxDocumentDrop >= 0 && maxDocumentDrop <= 1)) throw new IllegalArgumentException("maxDocumentDrop must be within 0..1");
    if (!(maxProblemShare >= 0 && maxProblemShare <= 1)) throw new IllegalArgumentException("maxProblemShare must be within 0..1");
    canaries = List.copyOf(canaries);
  }

  public ValidationPolicy withCanaries(List<String> queries) {
    return new ValidationPolicy(maxDocumentDrop, maxProblemShare, queries, strict, checkIndex);
  }

  /** Canary queries from a file: one per line; blank lines and lines starting with '#' are skipped. */
  public static List<String> readCanaries(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }
}
