package io.lede.search;

import io.lede.search.StoryCollapser.Group;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * Keeps one provider from filling the top of a result list: within the first {@code window} places,
 * at most {@code maxPerProvider} stories from any one provider. A story over the cap is pushed down,
 * after the window, in its original order; nothing is dropped. When only over-cap stories are left,
 * they fill the window anyway (a list of one provider stays a full list).
 */
final class ProviderDiversity {
  private ProviderDiversity() {}

  /**
   * @param window places still to fill under the cap (the whole window on a first page; what is left of
   *     it when earlier pages already showed some)
   * @param shownProviders providers of the stories earlier pages showed inside the window
   */
  static List<Group> apply(List<Group> ranked, int window, int maxPerProvider, List<Integer> shownProviders) {
    if (window <= 0 || maxPerProvider <= 0) return ranked;
    List<Group> out = new ArrayList<>(ranked.size());
    LinkedList<Group> pending = new LinkedList<>(ranked);
    Map<Integer, Integer> counts = new HashMap<>();
    for (int p : shownProviders) counts.merge(p, 1, Integer::sum);
    while (out.size() < window && !pending.isEmpty()) {
      Group pick = null;
      for (Group g : pending) {
        if (counts.getOrDefault(provider(g), 0) < maxPerProvider) {
          pick = g;
          break;
        }
      }
      if (pick == null) pick = pending.getFirst();
      pending.remove(pick);
      out.add(pick);
      counts.merge(provider(pick), 1, Integer::sum);
    }
    out.addAll(pending);
    return out;
  }

  static int provider(Group g) {
    return g.head().signature() == null ? 0 : g.head().signature().provider();
  }
}
