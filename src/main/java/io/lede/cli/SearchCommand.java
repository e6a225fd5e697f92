package io.lede.cli;

import io.lede.Lede;
import io.lede.search.Hit;
import io.lede.search.InvalidRequestException;
import io.lede.search.SearchRequest;
import io.lede.search.SearchResponse;
import io.lede.search.SortOrder;
import io.lede.search.Synonyms;
import io.lede.search.WordMatch;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lede search QUERY}: the same search the HTTP API runs, printed for a terminal or as JSON. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the live index.")
final class SearchCommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Words, \"phrases\", -exclusions, OR, prefix*, field:value.")
  private List<String> words = List.of();

  @Mixin private IndexOption index;
  @Mixin private SynonymsOption synonyms;

  @Option(names = "--topic", paramLabel = "T", description = "Only this topic (repeatable: any of them).")
  private List<String> topics = List.of();

  @Option(names = "--provider", paramLabel = "P", description = "Only this provider (repeatable: any of them).")
  private List<String> providers = List.of();

  @Option(names = "--category", paramLabel = "C", description = "Only this category (repeatable: any of them).")
  private List<String> categories = List.of();

  @Option(names = "--kind", paramLabel = "K", description = "Only articles or related entries (article, related).")
  private List<String> kinds = List.of();

  @Option(names = "--year", paramLabel = "YYYY", description = "Only this publication year (repeatable: any of them).")
  private List<String> years = List.of();

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Published on or after this day (UTC).")
  private java.time.LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Published on or before this day (UTC).")
  private java.time.LocalDate to;

  @Option(names = "--min-quality", paramLabel = "N", description = "Only stories of at least this quality.")
  private Integer minQuality;

  @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue after a previous page (its nextCursor).")
  private String cursor;

  @Option(names = "--explain", description = "Show each hit's text score and ranking factors.")
  private boolean explain;

  @Option(names = "--no-collapse", description = "Show every copy of a story as its own hit.")
  private boolean noCollapse;

  @Option(names = "--sort", paramLabel = "ORDER", description = "relevance (default), newest, oldest, quality or heat.")
  private String sort = "relevance";

  @Option(names = "--size", paramLabel = "N", description = "Hits per page (default 10, at most 100).")
  private int size = SearchRequest.DEFAULT_SIZE;

  @Option(names = "--page", paramLabel = "N", description = "Page number, from 1.")
  private int page = 1;

  @Option(names = "--json", description = "Print the response as JSON, as the HTTP API returns it.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    SearchRequest request;
    try {
      request = SearchRequest.builder()
          .query(String.join(" ", words))
          .topic(topics.toArray(String[]::new))
          .provider(providers.toArray(String[]::new))
          .category(categories.toArray(String[]::new))
          .kind(kinds.toArray(String[]::new))
          .year(years.toArray(String[]::new))
          .from(from)
          .to(to)
          .sort(SortOrder.parse(sort))
          .size(size)
          .page(page)
          .cursor(cursor)
          .explain(explain)
          .collapse(!noCollapse)
          .build();
      if (minQuality != null) request = request.toBuilder().minQuality(minQuality).build();
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    Synonyms words;
    try {
      words = synonyms.load();
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("error: cannot read the synonyms: " + e.getMessage());
      return 2;
    }
    try (Lede lede = Lede.open(index.indexHome(), Lede.DEFAULT_RESULT_CACHE, words)) {
      SearchResponse response = lede.search(request);
      if (json) {
        System.out.println(Json.MAPPER.writeValueAsString(response));
      } else {
        print(response);
      }
      return 0;
    } catch (InvalidRequestException e) {
      // What only the search can judge (a cursor that is not one, or made for another sort): a usage error too.
      System.err.println("error: " + e.getMessage());
      return 2;
    } catch (java.io.IOException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** What a reader must know about hits that do not contain every word as typed. */
  static Optional<String> notice(WordMatch matched) {
    return switch (matched) {
      case ALL_WORDS -> Optional.empty();
      case ALL_WORDS_FUZZY -> Optional.of("No exact match: showing stories that match with spelling variations.");
      case MOST_WORDS -> Optional.of("No story has all the words: showing stories with most of them.");
      case ANY_WORD -> Optional.of("No story has all the words: showing stories with some of them.");
    };
  }

  private static void print(SearchResponse r) {
    System.out.printf("%d hits for \"%s\" (%d ms)%n", r.total(), r.query(), r.tookMs());
    if (r.total() > 0) notice(r.matched()).ifPresent(System.out::println);
    int rank = (r.page() - 1) * r.size();
    for (Hit h : r.hits()) {
      System.out.printf("%3d. %s%n     %s · %s · %s · score %.3f%n     %s%n", ++rank, h.title(), h.provider().name(),
          h.publishedDateTime().map(Object::toString).orElse("no date"), h.kind(), h.score(), h.url());
      for (var other : h.alsoFrom()) System.out.printf("     also from %s: %s%n", other.provider().name(), other.url());
      h.explain().ifPresent(e -> System.out.printf("     = text %.4f × quality %.3f × heat %.3f × recency %.3f%n",
          e.text(), e.quality(), e.heat(), e.recency()));
    }
    r.didYouMean().ifPresent(s -> System.out.println("Did you mean: " + s));
    r.facets().forEach((dim, values) -> {
      if (values.isEmpty()) return;
      StringBuilder line = new StringBuilder("  " + dim + ":");
      values.stream().limit(8).forEach(v -> line.append(' ').append(v.value()).append(" (").append(v.count()).append(')'));
      System.out.println(line);
    });
    r.nextCursor().ifPresent(c -> System.out.println("next page: --cursor " + c));
  }
}
