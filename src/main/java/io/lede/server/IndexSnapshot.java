package io.lede.server;

import java.time.Instant;
import java.util.Optional;

/**
 * What the server last saw of the live index, kept so health checks and metrics scrapes cost nothing.
 *
 * @param generation the live generation, empty when no searcher is open
 * @param builtAt when the live generation was built (the last rebuild)
 * @param checkedAt when the server last looked for a new generation
 */
record IndexSnapshot(String generation, long documents, Optional<Instant> builtAt, Instant checkedAt) {

  static IndexSnapshot none(Instant now) {
    return new IndexSnapshot("", 0, Optional.empty(), now);
  }

  boolean open() {
    return !generation.isEmpty();
  }
}
