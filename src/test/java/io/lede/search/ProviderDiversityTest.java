package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lede.index.StorySignature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The provider cap places stories exactly as the plain rule says, whatever the mix of providers. */
class ProviderDiversityTest {

  @Test
  void placesStoriesAsThePlainRuleDoes() {
    Random random = new Random(3);
    for (int round = 0; round < 3_000; round++) {
      int providers = 1 + random.nextInt(6);
      List<StoryCollapser.Group> ranked = new ArrayList<>();
      for (int i = 0, n = random.nextInt(40); i < n; i++) ranked.add(group(i, 1_000_003 * random.nextInt(providers)));
      List<Integer> shown = new ArrayList<>();
      for (int i = 0, n = random.nextInt(4); i < n; i++) shown.add(1_000_003 * random.nextInt(providers));
      int window = random.nextInt(12);
      int cap = random.nextInt(4);
      int horizon = random.nextBoolean() ? Integer.MAX_VALUE : random.nextInt(45);
      assertEquals(ranks(plainRule(ranked, window, cap, shown, horizon)),
          ranks(ProviderDiversity.apply(ranked, window, cap, shown, horizon)),
          "window " + window + ", cap " + cap + ", shown " + shown + ", horizon " + horizon);
    }
  }

  /**
   * The rule as written: fill the window one place at a time with the best-ranked story ranked before the
   * horizon whose provider is under the cap (or, when none is, the best-ranked left); the rest follow in
   * rank order.
   */
  private static List<StoryCollapser.Group> plainRule(List<StoryCollapser.Group> ranked, int window, int cap, List<Integer> shown,
      int horizon) {
    if (window <= 0 || cap <= 0) return ranked;
    Map<Integer, Integer> counts = new HashMap<>();
    for (int p : shown) counts.merge(p, 1, Integer::sum);
    LinkedList<StoryCollapser.Group> left = new LinkedList<>(ranked);
    List<StoryCollapser.Group> out = new ArrayList<>();
    while (out.size() < window && !left.isEmpty()) {
      StoryCollapser.Group pick = left.stream().filter(g -> g.head().rank() < horizon)
          .filter(g -> counts.getOrDefault(ProviderDiversity.provider(g), 0) < cap).findFirst().orElse(left.getFirst());
      left.remove(pick);
      out.add(pick);
      counts.merge(ProviderDiversity.provider(pick), 1, Integer::sum);
    }
    out.addAll(left);
    return out;
  }

  private static StoryCollapser.Group group(int rank, int provider) {
    StorySignature signature = new StorySignature(provider, 0L, 0, new int[0]);
    return new StoryCollapser.Group(new RankedHit(rank, rank, "id" + rank, 1f, new Object[0], signature, null), List.of());
  }

  private static List<Integer> ranks(List<StoryCollapser.Group> groups) {
    return groups.stream().map(g -> g.head().rank()).toList();
  }
}
