package io.lede.index;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of every check run on a new generation, in the order they ran. */
public record ValidationReport(List<Check> checks, long millis) {

  public enum Outcome { PASSED, FAILED, SKIPPED }

  /**
   * One check.
   *
   * @param name a stable name a log parser can match: check_index, documents, canaries, problem_share, strict
   * @param detail what was measured, in words, e.g. "9000 documents, 50.0% fewer than live 000003 (18000); at most 20% allowed"
   */
  public record Check(String name, Outcome outcome, String detail) {
    public boolean failed() {
      return outcome == Outcome.FAILED;
    }
  }

  public ValidationReport {
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().noneMatch(Check::failed);
  }

  public List<Check> failures() {
    return checks.stream().filter(Check::failed).toList();
  }

  /** The names of the failed checks, comma separated ("none" when all passed), for a key=value line. */
  public String failedNames() {
    String names = failures().stream().map(Check::name).collect(Collectors.joining(","));
    return names.isEmpty() ? "none" : names;
  }
}
