package io.lede.index;

import java.util.Map;

/**
 * Follows a rebuild or an incremental run: phases with their facts, file progress, warnings.
 * Called from the running thread, and {@link #filesDone} from indexing workers too.
 */
public interface RebuildListener extends IndexBuilder.Listener {

  RebuildListener NONE = new RebuildListener() {};

  /** A phase begins; {@code units} is the number of files it will go through, or 0 when unknown. */
  default void phaseStarted(String phase, long units) {}

  /** A phase ended; {@code facts} are key=value pairs in a stable order. */
  default void phaseDone(String phase, Map<String, Object> facts, long millis) {}

  @Override
  default void filesDone(int done, int total) {}

  /** Something an operator should know that does not stop the run (a stale lock taken over, a forced publish). */
  default void warning(String message) {}
}
