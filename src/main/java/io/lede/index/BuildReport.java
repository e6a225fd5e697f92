package io.lede.index;

import io.lede.item.ItemProblem;
import java.util.List;

/**
 * What a build did.
 *
 * @param filesRead files looked at
 * @param filesWithProblems files that produced at least one problem (fatal or not)
 * @param filesFailed files that yielded no item at all
 * @param items stories read (articles + related entries), before merging duplicates
 * @param documents documents in the index afterwards
 * @param duplicatesMerged stories seen again and merged into an existing document
 */
public record BuildReport(
    int filesRead,
    int filesWithProblems,
    int filesFailed,
    long items,
    long articles,
    long related,
    long documents,
    long duplicatesMerged,
    List<ItemProblem> problems,
    long millis) {

  public BuildReport {
    problems = List.copyOf(problems);
  }

  public double itemsPerSecond() {
    return millis == 0 ? items : items * 1000.0 / millis;
  }

  /** The closing line of a run: counts a person and a log parser can both read. */
  public String summary() {
    return String.format(
        "files=%d items=%d documents=%d articles=%d related=%d duplicates_merged=%d problems=%d files_with_problems=%d files_failed=%d seconds=%.1f items_per_s=%.0f",
        filesRead, items, documents, articles, related, duplicatesMerged, problems.size(), filesWithProblems,
        filesFailed, millis / 1000.0, itemsPerSecond());
  }
}
