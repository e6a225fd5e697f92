package io.lede.item;

import java.util.List;
import java.util.Optional;

/** The outcome of reading one file: the item when one could be read, and every problem met on the way. */
public record ParseResult(Optional<NewsItem> item, List<ItemProblem> problems) {
  public ParseResult {
    problems = List.copyOf(problems);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}
