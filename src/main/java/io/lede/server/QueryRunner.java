package io.lede.server;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs index work (searches, lookups, stats) on a small bounded pool with a deadline.
 *
 * <p>Why not on the HTTP thread: a pathological query would hold that thread for as long as Lucene needs,
 * and enough of them would take the whole server down. Here the caller waits at most the time limit and
 * then answers 503; the pool is bounded, so slow queries can occupy at most {@code threads} threads and
 * a full queue is answered 503 at once (load shedding) instead of piling up. Work that is still queued
 * when its deadline passes is cancelled and never runs. Running work is not interrupted: an interrupt
 * would close Lucene's NIO file channels under every other reader. A search stops itself instead: its
 * request carries a time limit, checked as its hits are collected ({@code SearchRequest#timeLimit}).
 */
final class QueryRunner implements AutoCloseable {

  private final ThreadPoolExecutor pool;
  private final long timeoutNanos;
  private final Runnable onTimeout;
  private final Runnable onRejection;

  QueryRunner(int threads, int queueCapacity, Duration timeout, Runnable onTimeout, Runnable onRejection) {
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
        r -> Thread.ofPlatform().daemon().name("lede-query-" + n.incrementAndGet()).unstarted(r));
    this.timeoutNanos = timeout.toNanos();
    this.onTimeout = onTimeout;
    this.onRejection = onRejection;
  }

  /** Runs {@code work} and returns its result, or throws what it threw; 503 past the deadline. */
  <T> T call(Callable<T> work) {
    Future<T> future;
    try {
      future = pool.submit(work);
    } catch (RejectedExecutionException e) {
      onRejection.run();
      throw new ServiceUnavailableException("the server is busy; try again shortly");
    }
    try {
      return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      onTimeout.run();
      throw new ServiceUnavailableException(
          "the request took longer than " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms and was cut off");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(false);
      throw new ServiceUnavailableException("the server is shutting down");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error err) throw err;
      throw new IllegalStateException("index work failed", cause);
    }
  }

  @Override
  public void close() {
    pool.shutdown(); // let in-flight work finish on the old readers; never interrupt it (see above)
    try {
      pool.awaitTermination(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
