package io.lede.server;

import io.lede.search.LedeStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the server on the newest index: every interval (and on an admin reload) it asks the service to
 * catch up with a newly published generation or new commits. The swap itself is the service's: leased
 * searchers finish on the old reader, so no request fails during it.
 *
 * <p>It also keeps an {@link IndexSnapshot} (generation, document count, build time), recomputed when the
 * generation changes and otherwise every {@link #STATS_EVERY}, so health and metrics never touch the index.
 */
final class IndexRefresher implements AutoCloseable {

  static final Duration STATS_EVERY = Duration.ofSeconds(30);
  static final Duration WHILE_CLOSED = Duration.ofMillis(50);
  private static final Logger LOG = LoggerFactory.getLogger(IndexRefresher.class);

  private final SearchService service;
  private final Duration interval;
  private final Clock clock;
  private final AtomicReference<IndexSnapshot> snapshot;
  private volatile Instant statsAt = Instant.MIN;
  private ScheduledExecutorService scheduler;

  IndexRefresher(SearchService service, Duration interval, Clock clock) {
    this.service = service;
    this.interval = interval;
    this.clock = clock;
    this.snapshot = new AtomicReference<>(IndexSnapshot.none(clock.instant()));
  }

  IndexSnapshot snapshot() {
    return snapshot.get();
  }

  /**
   * Starts the periodic checks; the first runs at once, off the caller's thread so startup does not wait
   * for it. While no index is open (it is still being opened or built) it looks every
   * {@link #WHILE_CLOSED}, so health reports the index as soon as it is there.
   */
  synchronized void start() {
    if (scheduler != null) return;
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("lede-refresher").unstarted(r));
    scheduler.execute(this::tick);
  }

  private void tick() {
    refreshQuietly();
    Duration next = snapshot.get().open() ? interval : WHILE_CLOSED.compareTo(interval) < 0 ? WHILE_CLOSED : interval;
    synchronized (this) {
      if (scheduler != null) scheduler.schedule(this::tick, next.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Catches up now; returns the snapshot afterwards. Failures propagate (the admin route reports them). */
  synchronized IndexSnapshot refreshNow() throws Exception {
    String before = snapshot.get().generation();
    boolean open = service.refresh();
    String generation = open ? service.generation() : "";
    Instant now = clock.instant();
    IndexSnapshot previous = snapshot.get();
    if (!generation.equals(previous.generation()) || now.isAfter(statsAt.plus(STATS_EVERY))) {
      snapshot.set(read(generation, now));
      statsAt = now;
      if (!generation.equals(before)) LOG.info("now serving index generation {}", generation.isEmpty() ? "(none)" : generation);
    } else {
      snapshot.set(new IndexSnapshot(previous.generation(), previous.documents(), previous.builtAt(), now));
    }
    return snapshot.get();
  }

  private IndexSnapshot read(String generation, Instant now) {
    if (generation.isEmpty()) return IndexSnapshot.none(now);
    LedeStats stats = service.stats();
    return new IndexSnapshot(generation, stats.documents(), Optional.ofNullable(stats.builtAt()), now);
  }

  private void refreshQuietly() {
    try {
      refreshNow();
    } catch (Exception e) {
      // Keep serving the generation we have; a broken new generation must not stop later refreshes.
      LOG.warn("index refresh failed; still serving generation {}", snapshot.get().generation(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) scheduler.shutdownNow();
    scheduler = null;
  }
}
