package io.lede.search;

import io.lede.search.StoryCollapser.Group;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts one page out of a ranked window: stories collapsed, the provider cap applied (first page of a
 * relevance list only), the page's stories picked, and the cursor for the next page computed.
 *
 * <p>The cursor is the last rank before the first hit not yet shown, plus the ids of hits after it that
 * were shown anyway (copies folded into a story on this page, stories pulled forward past a capped
 * provider). So paging by cursor shows every hit exactly once — as a story or as one of its copies —
 * and, because the hits a cap pushed down are the first not shown, the next page starts with them,
 * just as numbered pages do.
 */
final class PageCutter {
  private PageCutter() {}

  /** One page: its stories, and where the next page starts (empty on the last page). */
  record Page(List<Group> groups, Optional<SearchCursor> next, boolean needsMore) {}

  /**
   * @param ranked the window in rank order, hits before the incoming cursor already excluded
   * @param shownBefore ids the incoming cursor says were shown; they are skipped here
   * @param exhausted true when the window holds every remaining hit
   * @param offset stories to skip (numbered pages); 0 with a cursor
   * @param diversify apply the provider cap (a list ordered by relevance)
   * @param horizon how many hits of the whole ranking a story may be pulled forward from into the capped
   *     places ({@link ProviderDiversity}); the window must reach that far
   * @param incoming the cursor this page continues from; null for numbered pages
   */
  static Page cut(List<RankedHit> ranked, Set<String> shownBefore, boolean exhausted, int offset, int size,
      boolean collapse, boolean diversify, int horizon, RankingProfile profile, SortOrder order, SearchCursor incoming) {
    List<RankedHit> fresh = new ArrayList<>(ranked.size());
    for (RankedHit h : ranked) if (!shownBefore.contains(h.id())) fresh.add(h);
    List<Group> groups = collapse ? StoryCollapser.collapse(fresh) : StoryCollapser.singletons(fresh);
    int position = incoming == null ? 0 : incoming.position();
    List<Integer> windowProviders = incoming == null ? List.of() : incoming.windowProviders();
    // Where this window starts in the whole ranking (unknown in a cursor made before it was recorded).
    int consumed = incoming == null ? 0 : incoming.consumed();
    int window = profile.diversityWindow();
    if (diversify && position < window) {
      groups = ProviderDiversity.apply(groups, window - position, profile.maxPerProvider(), windowProviders,
          consumed < 0 ? Integer.MAX_VALUE : horizon - consumed);
    }
    int end = Math.min(groups.size(), offset + size);
    // Too few stories to fill the page although more hits exist: the caller widens the window.
    boolean needsMore = !exhausted && groups.size() < offset + size;
    List<Group> page = offset >= end ? List.of() : groups.subList(offset, end);

    boolean[] shown = new boolean[ranked.size()];
    Set<String> seen = new HashSet<>();
    for (RankedHit h : ranked) {
      seen.add(h.id());
      if (shownBefore.contains(h.id())) shown[h.rank()] = true;
    }
    for (Group g : groups.subList(0, end)) {
      shown[g.head().rank()] = true;
      for (RankedHit m : g.members()) shown[m.rank()] = true;
    }
    int firstUnshown = 0;
    while (firstUnshown < shown.length && shown[firstUnshown]) firstUnshown++;
    if (firstUnshown == shown.length && exhausted) return new Page(page, Optional.empty(), needsMore);

    List<Object> after;
    if (firstUnshown > 0) {
      after = List.of(ranked.get(firstUnshown - 1).sortValues());
    } else {
      after = incoming == null ? List.of() : incoming.after();
    }
    List<String> ahead = new ArrayList<>();
    for (int i = firstUnshown; i < shown.length; i++) if (shown[i]) ahead.add(ranked.get(i).id());
    for (String id : shownBefore) if (!seen.contains(id)) ahead.add(id); // beyond this window: still ahead
    List<Integer> providers = new ArrayList<>(windowProviders);
    for (int i = 0; i < end && position + i < window; i++) providers.add(ProviderDiversity.provider(groups.get(i)));
    return new Page(page, Optional.of(new SearchCursor(order, after, ahead, position + end, providers,
        consumed < 0 ? -1 : consumed + firstUnshown)), needsMore);
  }
}
