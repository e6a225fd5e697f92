package io.lede.cli;

import io.javalin.Javalin;
import io.lede.Lede;
import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.Rebuilder;
import io.lede.search.Synonyms;
import io.lede.server.LedeServer;
import io.lede.server.OpeningService;
import io.lede.server.SearchService;
import io.lede.server.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lede serve}: the HTTP API and browser UI. On an index home with no published generation it first
 * builds one from the seeds, so {@code ./lede serve} works on a fresh clone. Runs until stopped (Ctrl-C,
 * SIGTERM), then stops the server and closes the index.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the JSON API and the browser UI (builds the index from the seeds first if there is none).")
final class ServeCommand implements Callable<Integer> {

  private static final String JETTY_REFS_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  @Mixin private IndexOption index;
  @Mixin private SynonymsOption synonyms;

  @Option(names = "--seeds", paramLabel = "DIR", description = "News item files to build from when the index is empty (default: seeds/).")
  private Path seeds;

  @Option(names = "--host", paramLabel = "ADDR", description = "Address to bind (default: ${DEFAULT-VALUE}; loopback only).")
  private String host = ServerConfig.DEFAULT_HOST;

  @Option(names = "--port", paramLabel = "N", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  private int port = ServerConfig.DEFAULT_PORT;

  @Option(names = "--web", paramLabel = "DIR", description = "Browser UI folder (default: web/ beside the launcher, if present).")
  private Path web;

  @Option(names = "--admin-key-file", paramLabel = "FILE",
      description = "File holding the admin key (else env LEDE_ADMIN_KEY); without a key admin routes are off.")
  private Path adminKeyFile;

  @Option(names = "--search-timeout-ms", paramLabel = "MS", description = "Time limit per request (default: ${DEFAULT-VALUE}).")
  private long searchTimeoutMs = 2000;

  @Option(names = "--refresh-ms", paramLabel = "MS", description = "How often to look for a new index generation (default: ${DEFAULT-VALUE}).")
  private long refreshMs = 1000;

  @Option(names = "--search-threads", paramLabel = "N",
      description = "Threads that run searches; more requests wait in line (default: one per core, at least 2).")
  private Integer searchThreads;

  @Option(names = "--result-cache", paramLabel = "N",
      description = "Room for this many answers of ten hits, kept for repeated searches per index version; 0 searches every time (default: ${DEFAULT-VALUE}).")
  private int resultCache = Lede.DEFAULT_RESULT_CACHE;

  /** A started server and the index it serves; closing stops the one and closes the other. */
  record Running(Javalin app, Lede lede) implements AutoCloseable {
    @Override
    public void close() {
      app.stop();
      closeQuietly(lede);
    }
  }

  /** Thrown by {@link #start()} with a message for the operator; {@link #call()} prints it and exits 1. */
  static final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;

    StartupException(String message) {
      super(message);
    }
  }

  @Override
  public Integer call() {
    Running running;
    try {
      running = start();
    } catch (StartupException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "lede-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * Starts listening at once (health answers 503 meanwhile), then builds the index if there is none and
   * opens it; returns when searches are served. Opening a large index takes seconds; a client or load
   * balancer sees 503 with Retry-After in that window instead of a refused connection.
   */
  Running start() throws StartupException {
    IndexHome home = new IndexHome(index.indexHome());
    ServerConfig config;
    try {
      config = config();
    } catch (IOException | IllegalArgumentException e) {
      throw new StartupException(e.getMessage());
    }
    // Jetty sizes its padding from the cache line, asking the JVM's diagnostic bean unless told: booting the
    // platform MBean server for that costs ~0.1-0.4 s of startup. 16 references per 64-byte line
    // (compressed oops, the default below 32 GiB of heap).
    if (System.getProperty(JETTY_REFS_PER_CACHE_LINE) == null) System.setProperty(JETTY_REFS_PER_CACHE_LINE, "16");
    OpeningService service = new OpeningService();
    Javalin app;
    try {
      app = LedeServer.create(service, config).start();
    } catch (RuntimeException e) {
      throw new StartupException("cannot start the server on " + host + ":" + port + ": " + rootMessage(e));
    }
    System.err.printf("lede: listening on http://%s:%d/ (JVM up %d ms); opening the index ...%n", displayHost(), app.port(),
        uptimeMillis());
    Synonyms words;
    try {
      words = synonyms.load();
    } catch (IOException | IllegalArgumentException e) {
      app.stop();
      throw new StartupException("cannot read the synonyms: " + e.getMessage());
    }
    Lede lede;
    try {
      ensureIndex(home);
      lede = Lede.open(home.root(), resultCache, words);
    } catch (IOException | RuntimeException e) {
      app.stop();
      throw new StartupException(e instanceof IOException ? "cannot open the index: " + e.getMessage() : rootMessage(e));
    }
    service.ready(SearchService.of(lede));
    System.out.printf("Lede is serving index generation %s from %s at http://%s:%d/%s (ready %d ms after JVM start)%n",
        lede.generation(), home.root(), displayHost(), app.port(), config.adminEnabled() ? " (admin routes on)" : "",
        uptimeMillis());
    return new Running(app, lede);
  }

  /** Milliseconds since the process started (from the OS: asking the JVM's management beans costs startup time). */
  private static long uptimeMillis() {
    return ProcessHandle.current().info().startInstant()
        .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
  }

  ServerConfig config() throws IOException {
    ServerConfig config = ServerConfig.defaults()
        .withHost(host)
        .withPort(port)
        .withSearchTimeout(Duration.ofMillis(searchTimeoutMs))
        .withRefreshInterval(Duration.ofMillis(refreshMs));
    if (searchThreads != null) {
      if (searchThreads < 1) throw new IllegalArgumentException("--search-threads must be at least 1, not " + searchThreads);
      config = config.withSearchThreads(searchThreads);
    }
    Path webDir = web != null ? web : Paths.defaultDir("web");
    if (Files.isRegularFile(webDir.resolve("index.html"))) {
      config = config.withWebDir(webDir);
    } else if (web != null) {
      throw new IllegalArgumentException("--web " + web + " has no index.html");
    } else {
      System.err.println("note: no browser UI at " + webDir.toAbsolutePath() + "; serving the API only");
    }
    String key = adminKeyFile != null ? Files.readString(adminKeyFile, StandardCharsets.UTF_8).strip() : System.getenv("LEDE_ADMIN_KEY");
    return config.withAdminKey(key);
  }

  /** A fresh clone has no index yet: build the first generation from the seeds before serving. */
  private void ensureIndex(IndexHome home) throws IOException {
    if (home.liveGeneration().isPresent()) return;
    Path seedsDir = seeds != null ? seeds : Paths.defaultDir("seeds");
    System.err.println("lede: no index under " + home.root() + " yet; building one from " + seedsDir.toAbsolutePath() + " ...");
    Rebuilder.Result result = new Rebuilder(new IndexBuilder()).rebuild(seedsDir, home, IndexBuilder.Listener.NONE);
    if (!result.published()) {
      throw new IOException("the first index built from " + seedsDir + " failed validation ("
          + result.validation().failedNames() + "); run `lede rebuild --seeds " + seedsDir + "` to see why, or --force");
    }
    System.err.println("lede: published generation " + result.generation() + ": " + result.report().summary());
  }

  private String displayHost() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  private static void closeQuietly(Lede lede) {
    try {
      lede.close();
    } catch (IOException e) {
      System.err.println("warning: closing the index failed: " + e.getMessage());
    }
  }
}
