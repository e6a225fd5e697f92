package io.lede.index;

import java.io.IOException;
import java.util.Optional;

/** {@code lede rollback}: points the index home back at an earlier ready generation. */
public final class Rollback {

  /** {@code from} was live, {@code to} is live now. */
  public record Result(String from, String to) {}

  private Rollback() {}

  /** Goes back to {@code target}, or to the newest ready generation older than the live one. */
  public static Result run(IndexHome home, Optional<String> target) throws IOException {
    try (WriteLock lock = WriteLock.acquire(home, "rollback")) {
      String live = home.liveGeneration()
          .orElseThrow(() -> new IOException("no generation is live under " + home.root() + ": nothing to roll back"));
      String to = target.isPresent() ? target.get() : home.previousGeneration()
          .orElseThrow(() -> new IOException("no ready generation older than the live " + live + " to roll back to"));
      if (to.equals(live)) throw new IOException("generation " + to + " is already live");
      if (!home.generations().contains(to)) throw new IOException("generation " + to + " does not exist");
      if (!home.isReady(to)) throw new IOException("generation " + to + " is not ready (a partial or rejected build)");
      home.publish(to);
      return new Result(live, to);
    }
  }
}
