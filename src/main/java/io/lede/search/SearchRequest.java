package io.lede.search;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A search, as a reader or an application asks it. Immutable; build one with {@link #builder()}.
 * Values within one filter are alternatives (provider A or B); different filters all apply.
 *
 * @param query what the reader typed; empty means browse (newest first)
 * @param page 1-based page number
 * @param size hits per page, 1 to {@link #MAX_SIZE}
 * @param cursor an opaque {@link SearchResponse#nextCursor()} for stable deep paging; replaces page
 * @param collapse fold the same story from several providers into one hit
 * @param profile ranking knobs for this request; empty means {@link RankingProfile#DEFAULT}
 * @param facets compute facet counts (an application that only wants hits can skip the work)
 * @param highlight mark matches in titles and excerpts (when false, highlights hold the escaped text)
 * @param timeLimit how long collecting hits may take: past it the search stops and answers with what it
 *     found so far (facets counted over those), marked {@link SearchResponse#partial()}; empty for no limit
 */
public record SearchRequest(
    String query,
    List<String> topics,
    List<String> providers,
    List<String> categories,
    List<String> kinds,
    List<String> years,
    Optional<Instant> from,
    Optional<Instant> to,
    OptionalInt minQuality,
    Optional<Boolean> published,
    SortOrder sort,
    int page,
    int size,
    Optional<String> cursor,
    boolean explain,
    boolean collapse,
    Optional<RankingProfile> profile,
    boolean facets,
    boolean highlight,
    Optional<Duration> timeLimit) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  /**
   * How deep page numbers reach ({@code page × size}), as Elasticsearch's max_result_window: deeper
   * pages cost more with every page, and a cursor pages through any depth at constant cost.
   */
  public static final int MAX_WINDOW = 10_000;

  public SearchRequest {
    query = query == null ? "" : query.strip();
    topics = values(topics);
    providers = values(providers);
    categories = values(categories);
    kinds = values(kinds);
    years = values(years);
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException("size", "size must be between 1 and " + MAX_SIZE + ", not " + size);
    }
    if (page < 1) throw new InvalidRequestException("page", "page must be 1 or more, not " + page);
    if ((long) page * size > MAX_WINDOW) {
      throw new InvalidRequestException("page", "page × size must be at most " + MAX_WINDOW + " (use the cursor for deeper paging), not "
          + ((long) page * size));
    }
    cursor = cursor == null ? Optional.empty() : cursor;
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    profile = profile == null ? Optional.empty() : profile;
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    minQuality = minQuality == null ? OptionalInt.empty() : minQuality;
    published = published == null ? Optional.empty() : published;
    timeLimit = timeLimit == null ? Optional.empty() : timeLimit;
    if (timeLimit.isPresent() && (timeLimit.get().isNegative() || timeLimit.get().isZero())) {
      throw new InvalidRequestException("timeLimit", "the time limit must be positive, not " + timeLimit.get());
    }
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new InvalidRequestException("from", "from (" + from.get() + ") is after to (" + to.get() + ")");
    }
    for (String year : years) {
      if (!year.matches("\\d{4}")) throw new InvalidRequestException("year", "year must be four digits, not '" + year + "'");
    }
  }

  /** Filter values without blanks ("provider=" from an empty form field) or repeats. */
  private static List<String> values(List<String> raw) {
    return raw.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A request for {@code query} with every default. */
  public static SearchRequest of(String query) {
    return builder().query(query).build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.query = query;
    b.topics.addAll(topics);
    b.providers.addAll(providers);
    b.categories.addAll(categories);
    b.kinds.addAll(kinds);
    b.years.addAll(years);
    b.from = from;
    b.to = to;
    b.minQuality = minQuality;
    b.published = published;
    b.sort = sort;
    b.page = page;
    b.size = size;
    b.cursor = cursor;
    b.explain = explain;
    b.collapse = collapse;
    b.profile = profile;
    b.facets = facets;
    b.highlight = highlight;
    b.timeLimit = timeLimit;
    return b;
  }

  /** Builds a {@link SearchRequest}; validation happens in {@link #build()}. */
  public static final class Builder {
    private String query = "";
    private final List<String> topics = new ArrayList<>();
    private final List<String> providers = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();
    private final List<String> years = new ArrayList<>();
    private Optional<Instant> from = Optional.empty();
    private Optional<Instant> to = Optional.empty();
    private OptionalInt minQuality = OptionalInt.empty();
    private Optional<Boolean> published = Optional.empty();
    private SortOrder sort = SortOrder.RELEVANCE;
    private int page = 1;
    private int size = DEFAULT_SIZE;
    private Optional<String> cursor = Optional.empty();
    private boolean explain;
    private boolean collapse = true;
    private Optional<RankingProfile> profile = Optional.empty();
    private boolean facets = true;
    private boolean highlight = true;
    private Optional<Duration> timeLimit = Optional.empty();

    private Builder() {}

    public Builder query(String query) { this.query = query; return this; }
    public Builder topic(String... values) { topics.addAll(List.of(values)); return this; }
    public Builder provider(String... values) { providers.addAll(List.of(values)); return this; }
    public Builder category(String... values) { categories.addAll(List.of(values)); return this; }
    public Builder kind(String... values) { kinds.addAll(List.of(values)); return this; }
    public Builder year(String... values) { years.addAll(List.of(values)); return this; }
    public Builder from(Instant from) { this.from = Optional.ofNullable(from); return this; }
    public Builder to(Instant to) { this.to = Optional.ofNullable(to); return this; }
    public Builder minQuality(int minQuality) { this.minQuality = OptionalInt.of(minQuality); return this; }
    public Builder published(boolean published) { this.published = Optional.of(published); return this; }
    public Builder sort(SortOrder sort) { this.sort = sort; return this; }
    public Builder page(int page) { this.page = page; return this; }
    public Builder size(int size) { this.size = size; return this; }
    public Builder cursor(String cursor) { this.cursor = Optional.ofNullable(cursor).filter(c -> !c.isBlank()); return this; }
    public Builder explain(boolean explain) { this.explain = explain; return this; }
    public Builder collapse(boolean collapse) { this.collapse = collapse; return this; }
    /** From the start of this day (UTC). */
    public Builder from(LocalDate day) { return from(day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant()); }
    /** To the end of this day (UTC), inclusive. */
    public Builder to(LocalDate day) {
      return to(day == null ? null : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
    }
    public Builder profile(RankingProfile profile) { this.profile = Optional.ofNullable(profile); return this; }
    public Builder facets(boolean facets) { this.facets = facets; return this; }
    public Builder highlight(boolean highlight) { this.highlight = highlight; return this; }
    public Builder timeLimit(Duration limit) { this.timeLimit = Optional.ofNullable(limit); return this; }

    public SearchRequest build() {
      return new SearchRequest(query, topics, providers, categories, kinds, years, from, to, minQuality, published,
          sort, page, size, cursor, explain, collapse, profile, facets, highlight, timeLimit);
    }
  }
}
