package io.lede.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a Lede server runs. Immutable; start from {@link #defaults()} and change what differs.
 *
 * @param host the address to bind; loopback unless an operator opens it up
 * @param adminKey the key admin routes require in {@code X-Admin-Key}; empty turns admin routes off
 * @param webDir the folder of the browser UI served at {@code /}; empty serves no UI
 * @param searchTimeout how long one index request may take before it is answered with 503
 * @param refreshInterval how often the server looks for a newly published generation or new commits
 * @param searchThreads threads that run index work; bounds how many slow queries can run at once (the rest wait in line)
 * @param queueCapacity index requests allowed to wait for a thread before the server answers 503
 */
public record ServerConfig(
    String host,
    int port,
    Optional<String> adminKey,
    Optional<Path> webDir,
    Duration searchTimeout,
    Duration refreshInterval,
    int searchThreads,
    int queueCapacity) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7070;

  public ServerConfig {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
    adminKey = adminKey.filter(k -> !k.isBlank());
    if (searchTimeout.isNegative() || searchTimeout.isZero()) throw new IllegalArgumentException("searchTimeout must be positive");
    if (refreshInterval.isNegative() || refreshInterval.isZero()) throw new IllegalArgumentException("refreshInterval must be positive");
    if (searchThreads < 1) throw new IllegalArgumentException("searchThreads must be at least 1");
    if (queueCapacity < 1) throw new IllegalArgumentException("queueCapacity must be at least 1");
  }

  /**
   * Loopback, port 7070, no admin key, no UI, 2 s per request, refresh every second, one search thread
   * per core (at least two). Searches are CPU work: more threads than cores only share the cores, so
   * every search takes longer and the slow ones longest. Measured at 1M documents, 16 connections on 2
   * cores: p99 33 / 32 / 61 ms (plain / hits / facets) with 2 threads, 41 / 48 / 67 with 4, 40 / 40 / 66 with 3.
   */
  public static ServerConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), Optional.empty(), Duration.ofSeconds(2),
        Duration.ofSeconds(1), Math.max(2, cores), 1024);
  }

  public ServerConfig withHost(String host) {
    return new ServerConfig(host, port, adminKey, webDir, searchTimeout, refreshInterval, searchThreads, queueCapacity);
  }

  public ServerConfig withPort(int port) {
    return new ServerConfig(host, port, adminKey, webDir, searchTimeout, refreshInterval, searchThreads, queueCapacity);
  }

  public ServerConfig withAdminKey(String key) {
    return new ServerConfig(host, port, Optional.ofNullable(key), webDir, searchTimeout, refreshInterval, searchThreads,
        queueCapacity);
  }

  public ServerConfig withWebDir(Path dir) {
    return new ServerConfig(host, port, adminKey, Optional.ofNullable(dir), searchTimeout, refreshInterval, searchThreads,
        queueCapacity);
  }

  public ServerConfig withSearchTimeout(Duration timeout) {
    return new ServerConfig(host, port, adminKey, webDir, timeout, refreshInterval, searchThreads, queueCapacity);
  }

  public ServerConfig withRefreshInterval(Duration interval) {
    return new ServerConfig(host, port, adminKey, webDir, searchTimeout, interval, searchThreads, queueCapacity);
  }

  public ServerConfig withSearchThreads(int threads) {
    return new ServerConfig(host, port, adminKey, webDir, searchTimeout, refreshInterval, threads, queueCapacity);
  }

  public ServerConfig withQueueCapacity(int capacity) {
    return new ServerConfig(host, port, adminKey, webDir, searchTimeout, refreshInterval, searchThreads, capacity);
  }

  public boolean adminEnabled() {
    return adminKey.isPresent();
  }
}
