package io.lede.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps the newest few ready generations (and always the live one); deletes older ones. */
public final class Retention {

  public static final int DEFAULT_KEEP = 3;

  private final int keep;

  /**
   * @param keep how many ready generations to keep, at least 2: the live one and one to roll back to.
   *     (Keeping only the live one would also delete the generation a running server may not yet have
   *     switched away from.)
   */
  public Retention(int keep) {
    if (keep < 2) throw new IllegalArgumentException("keep at least 2 generations (the live one and one to roll back to), not " + keep);
    this.keep = keep;
  }

  /** Deletes what falls outside the policy; call while holding the {@link WriteLock}. Returns the deleted names. */
  public List<String> prune(IndexHome home) throws IOException {
    Optional<String> live = home.liveGeneration();
    List<String> ready = new ArrayList<>(home.generations().stream().filter(home::isReady).toList());
    ready.sort(java.util.Comparator.reverseOrder());
    List<String> deleted = new ArrayList<>();
    for (int i = keep; i < ready.size(); i++) {
      String g = ready.get(i);
      if (live.filter(g::equals).isPresent()) continue;
      home.deleteGeneration(g);
      deleted.add(g);
    }
    return deleted;
  }
}
