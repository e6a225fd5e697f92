package io.lede.search;

import java.time.Instant;
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
    boolean collapse) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;

  public SearchRequest {
    query = query == null ? "" : query.strip();
    topics = List.copyOf(topics);
    providers = List.copyOf(providers);
    categories = List.copyOf(categories);
    kinds = List.copyOf(kinds);
    years = List.copyOf(years);
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException("size", "size must be between 1 and " + MAX_SIZE + ", not " + size);
    }
    if (page < 1) throw new InvalidRequestException("page", "page must be 1 or more, not " + page);
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new InvalidRequestException("from", "from (" + from.get() + ") is after to (" + to.get() + ")");
    }
    for (String year : years) {
      if (!year.matches("\\d{4}")) throw new InvalidRequestException("year", "year must be four digits, not '" + year + "'");
    }
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

    public SearchRequest build() {
      return new SearchRequest(query, topics, providers, categories, kinds, years, from, to, minQuality, published,
          sort, page, size, cursor, explain, collapse);
    }
  }
}
