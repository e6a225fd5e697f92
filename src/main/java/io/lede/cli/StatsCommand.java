package io.lede.cli;

import io.lede.Lede;
import io.lede.index.GenerationInfo;
import io.lede.index.IndexHome;
import io.lede.index.IndexStats;
import io.lede.search.FacetCount;
import io.lede.search.LedeStats;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lede stats}: what the live index holds, and every generation on disk. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Show what the live index holds and list the generations (time, counts, which is live).")
final class StatsCommand implements Callable<Integer> {

  @Mixin private IndexOption index;

  @Option(names = "--json", description = "Print as JSON.")
  private boolean json;

  @Option(names = "--generations", description = "Only list the generations.")
  private boolean generationsOnly;

  @Override
  public Integer call() throws Exception {
    IndexHome home = new IndexHome(index.indexHome());
    List<GenerationInfo> generations = GenerationInfo.list(home);
    if (generationsOnly) {
      if (json) {
        System.out.println(Json.MAPPER.writeValueAsString(generations.stream().map(StatsCommand::asMap).toList()));
      } else {
        printGenerations(generations);
      }
      return 0;
    }
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
      System.out.println();
      printGenerations(generations);
      return 0;
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      if (!generations.isEmpty()) printGenerations(generations);
      return 1;
    }
  }

  private static void printGenerations(List<GenerationInfo> generations) {
    System.out.printf("%-10s %-8s %-20s %-20s %10s %10s %9s %8s %9s%n",
        "generation", "state", "built", "updated", "documents", "articles", "files", "problems", "size");
    for (GenerationInfo g : generations) {
      var st = g.stats();
      System.out.printf("%-10s %-8s %-20s %-20s %10d %10s %9s %8s %9s%n", g.name(), g.state(),
          st.map(s -> s.builtAt().toString().replaceFirst("\\.\\d+Z$", "Z")).orElse("-"),
          g.updatedAt().map(t -> t.toString().replaceFirst("\\.\\d+Z$", "Z")).orElse("-"),
          g.documents(), st.map(s -> String.valueOf(s.articles())).orElse("-"),
          st.map(s -> String.valueOf(s.files())).orElse("-"), st.map(s -> String.valueOf(s.problems())).orElse("-"),
          human(g.bytes()));
    }
    if (generations.isEmpty()) System.out.println("(no generations: run lede rebuild)");
  }

  private static Map<String, Object> asMap(GenerationInfo g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("generation", g.name());
    m.put("state", g.state());
    m.put("documents", g.documents());
    g.stats().map(IndexStats::builtAt).ifPresent(t -> m.put("builtAt", t.toString()));
    g.updatedAt().ifPresent(t -> m.put("updatedAt", t.toString()));
    g.stats().ifPresent(s -> {
      m.put("articles", s.articles());
      m.put("related", s.related());
      m.put("files", s.files());
      m.put("problems", s.problems());
    });
    m.put("bytes", g.bytes());
    return m;
  }

  private static String human(long bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return String.format("%.1f KiB", bytes / 1024.0);
    if (bytes < 1024L * 1024 * 1024) return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    return String.format("%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
