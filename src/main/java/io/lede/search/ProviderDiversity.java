package io.lede.search;

import io.lede.search.StoryCollapser.Group;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one provider from filling the top of a result list: within the first {@code window} places,
 * at most {@code maxPerProvider} stories from any one provider. A story over the cap is pushed down,
 * after the window, in its original order; nothing is dropped. A story is pulled forward into the window
 * only from the first {@code horizon} hits of the list, so the window comes out the same however much of
 * the ranking a page has read. When only over-cap stories are left there, they fill the window anyway (a
 * list of one provider stays a full list).
 */
final class ProviderDiversity {
  private ProviderDiversity() {}

  /**
   * @param window places still to fill under the cap (the whole window on a first page; what is left of
   *     it when earlier pages already showed some)
   * @param shownProviders providers of the stories earlier pages showed inside the window
   * @param horizon stories whose best hit ranks here or later in the list are never pulled forward
   */
  static List<Group> apply(List<Group> ranked, int window, int maxPerProvider, List<Integer> shownProviders,
      int horizon) {
    if (window <= 0 || maxPerProvider <= 0) return ranked;
    Counts counts = new Counts(window + shownProviders.size());
    for (int p : shownProviders) counts.add(p);
    List<Group> out = new ArrayList<>(ranked.size());
    boolean[] placed = new boolean[ranked.size()];
    int first = 0; // the first story not placed yet
    while (out.size() < window && first < ranked.size()) {
      int pick = first; // when every story left is over the cap, the first of them
      for (int i = first; i < ranked.size() && ranked.get(i).head().rank() < horizon; i++) {
        if (!placed[i] && counts.of(provider(ranked.get(i))) < maxPerProvider) {
          pick = i;
          break;
        }
      }
      placed[pick] = true;
      out.add(ranked.get(pick));
      counts.add(provider(ranked.get(pick)));
      while (first < ranked.size() && placed[first]) first++;
    }
    for (int i = first; i < ranked.size(); i++) if (!placed[i]) out.add(ranked.get(i));
    return out;
  }

  /** Stories per provider: a few providers at most, looked up for every story considered, so no boxing. */
  private static final class Counts {
    private final int[] providers;
    private final int[] counts;
    private int size;

    Counts(int capacity) {
      providers = new int[capacity];
      counts = new int[capacity];
    }

    int of(int provider) {
      for (int i = 0; i < size; i++) if (providers[i] == provider) return counts[i];
      return 0;
    }

    void add(int provider) {
      for (int i = 0; i < size; i++) {
        if (providers[i] == provider) {
          counts[i]++;
          return;
        }
      }
      providers[size] = provider;
      counts[size++] = 1;
    }
  }

  static int provider(Group g) {
    return g.head().signature() == null ? 0 : g.head().signature().provider();
  }
}
