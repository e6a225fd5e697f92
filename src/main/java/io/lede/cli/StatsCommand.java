package io.lede.cli;

import io.lede.Lede;
import io.lede.search.FacetCount;
import io.lede.search.LedeStats;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lede stats}: what the live index holds. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Show what the live index holds.")
final class StatsCommand implements Callable<Integer> {

  @Mixin private IndexOption index;

  @Option(names = "--json", description = "Print as JSON.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    try (Lede lede = Lede.open(index.indexHome())) {
      LedeStats s = lede.stats();
      if (json) {
        System.out.println(Json.MAPPER.writeValueAsString(s));
        return 0;
      }
      System.out.printf("generation        %s (built %s)%n", s.generation(), s.builtAt());
      System.out.printf("documents         %d%n", s.documents());
      System.out.printf("articles          %d%n", s.articles());
      System.out.printf("related entries   %d%n", s.related());
      System.out.printf("merged duplicates %d%n", s.duplicatesMerged());
      System.out.printf("files read        %d (%d problems)%n", s.files(), s.problems());
      for (Map.Entry<String, List<FacetCount>> f : s.facets().entrySet()) {
        System.out.printf("%-17s %d values:", f.getKey(), f.getValue().size());
        f.getValue().stream().limit(8).forEach(v -> System.out.printf(" %s (%d);", v.value(), v.count()));
        System.out.println(f.getValue().size() > 8 ? " …" : "");
      }
      return 0;
    } catch (java.io.IOException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
