package io.lede.search;

import io.lede.index.IndexHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The searchable view of an index home: a {@link SearcherManager} over the generation the pointer names.
 *
 * <p>{@link #refresh()} follows both kinds of change: new commits in the live generation (incremental
 * indexing) through {@code maybeRefresh}, and a newly published generation by opening a manager on it
 * and swapping it in. The old manager is closed at once, but a searcher already acquired from it keeps
 * its reader open until released, so in-flight requests finish on the old index and none fails.
 */
public final class LiveIndex implements AutoCloseable {

  /** A searcher on loan; release it by closing the lease. */
  public interface Lease extends AutoCloseable {
    IndexSearcher searcher();

    String generation();

    @Override
    void close();
  }

  private record Open(String generation, Directory directory, SearcherManager manager) {}

  private final IndexHome home;
  private final SearcherFactory factory;
  private final AtomicReference<Open> current = new AtomicReference<>();
  private volatile boolean closed;

  private LiveIndex(IndexHome home, SearcherFactory factory) {
    this.home = home;
    this.factory = factory;
  }

  /** Opens the live generation of {@code indexHome}; fails when none has been published. */
  public static LiveIndex open(Path indexHome, SearcherFactory factory) throws IOException {
    LiveIndex live = new LiveIndex(new IndexHome(indexHome), factory);
    if (!live.refresh()) {
      throw new IOException("no index has been published under " + live.home.root() + " (run: lede rebuild)");
    }
    return live;
  }

  public IndexHome home() {
    return home;
  }

  /** The generation currently searched. */
  public String generation() {
    Open open = current.get();
    return open == null ? "" : open.generation();
  }

  /**
   * Catches up with the index home: switches to a newly published generation, or reopens the current
   * one if it has new commits. Returns true when a searcher is open afterwards.
   */
  public synchronized boolean refresh() throws IOException {
    if (closed) return false;
    Optional<String> live = home.liveGeneration();
    Open open = current.get();
    if (live.isEmpty()) return open != null;
    if (open != null && open.generation().equals(live.get())) {
      open.manager().maybeRefresh();
      return true;
    }
    Directory dir = FSDirectory.open(home.generationDir(live.get()));
    SearcherManager manager;
    try {
      manager = new SearcherManager(dir, factory);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
    current.set(new Open(live.get(), dir, manager));
    if (open != null) retire(open);
    return true;
  }

  /** Borrows the current searcher; never blocks on writers or on other readers. */
  public Lease acquire() {
    while (true) {
      Open open = current.get();
      if (open == null || closed) throw new IllegalStateException("the index is closed");
      IndexSearcher searcher;
      try {
        searcher = open.manager().acquire();
      } catch (AlreadyClosedException e) {
        continue; // swapped out between get() and acquire(): take the new one
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Lease() {
        @Override
        public IndexSearcher searcher() {
          return searcher;
        }

        @Override
        public String generation() {
          return open.generation();
        }

        @Override
        public void close() {
          try {
            open.manager().release(searcher);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }
  }

  private static void retire(Open open) throws IOException {
    // The directory must outlive the last leased reader: close it when that reader closes.
    IndexSearcher last = open.manager().acquire();
    try {
      last.getIndexReader().getReaderCacheHelper().addClosedListener(key -> open.directory().close());
    } finally {
      open.manager().release(last);
    }
    // Closing the manager drops its own reference; readers still leased stay open until released.
    open.manager().close();
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    Open open = current.getAndSet(null);
    if (open != null) retire(open);
  }
}
