package io.lede.server;

import io.lede.search.Hit;
import io.lede.search.ItemDetails;
import io.lede.search.LedeStats;
import io.lede.search.SearchRequest;
import io.lede.search.SearchResponse;
import io.lede.search.Suggestion;
import io.lede.search.WordMatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A service with no index behind it: empty answers, overridable to fail or stall. */
class StubService implements SearchService {
  @Override
  public SearchResponse search(SearchRequest r) {
    return new SearchResponse(r.query(), 0, 0, r.page(), r.size(), Optional.empty(), Optional.empty(),
        WordMatch.ALL_WORDS, false, List.of(), Map.of());
  }

  @Override
  public Optional<ItemDetails> item(String id) {
    return Optional.empty();
  }

  @Override
  public List<Hit> similar(String id, int n) {
    return List.of();
  }

  @Override
  public List<Suggestion> suggest(String prefix, int n) {
    return List.of();
  }

  @Override
  public LedeStats stats() {
    return new LedeStats(generation(), 0, 0, 0, 0, 0, 0, Instant.EPOCH, Map.of());
  }

  @Override
  public String generation() {
    return "000001";
  }

  @Override
  public boolean refresh() {
    return !generation().isEmpty();
  }
}
