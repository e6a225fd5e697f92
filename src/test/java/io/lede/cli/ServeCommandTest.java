package io.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.index.IndexHome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lede serve}: builds a missing index from the seeds, then answers on loopback. */
class ServeCommandTest {

  private static ServeCommand parse(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void anEmptyIndexHomeIsBuiltFromTheSeedsThenServed(@TempDir Path tmp) throws Exception {
    Path home = tmp.resolve("index");
    assertFalse(new IndexHome(home).liveGeneration().isPresent());
    ServeCommand serve = parse("--index", home.toString(), "--seeds", "seeds", "--port", "0", "--web", "web");
    try (ServeCommand.Running running = serve.start()) {
      assertTrue(new IndexHome(home).liveGeneration().isPresent(), "a generation was built and published");
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + running.app().port();
      HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("\"generation\":\"" + running.lede().generation() + "\""), health.body());
      HttpResponse<String> ui = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ui.statusCode());
      assertTrue(ui.body().contains("<html"), "the UI from web/ is served at /");
    }
  }

  @Test
  void noIndexAndNoSeedsIsAStartupErrorNotACrash(@TempDir Path tmp) {
    ServeCommand serve = parse("--index", tmp.resolve("index").toString(), "--seeds", tmp.resolve("none").toString(),
        "--port", "0");
    ServeCommand.StartupException e = assertThrows(ServeCommand.StartupException.class, serve::start);
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertEquals(1, Main.run("serve", "--index", tmp.resolve("index").toString(), "--seeds", tmp.resolve("none").toString(),
        "--port", "0"));
  }

  @Test
  void aFirstBuildThatFailsValidationIsAStartupErrorNotAServedEmptyIndex(@TempDir Path tmp) throws Exception {
    Path emptySeeds = java.nio.file.Files.createDirectories(tmp.resolve("seeds"));
    ServeCommand serve = parse("--index", tmp.resolve("index").toString(), "--seeds", emptySeeds.toString(), "--port", "0");
    ServeCommand.StartupException e = assertThrows(ServeCommand.StartupException.class, serve::start);
    assertTrue(e.getMessage().contains("failed validation"), e.getMessage());
    assertFalse(new IndexHome(tmp.resolve("index")).liveGeneration().isPresent(), "nothing was published");
  }

  @Test
  void aMalformedSynonymsFileIsAStartupErrorNamingItsLine(@TempDir Path tmp) throws Exception {
    Path file = java.nio.file.Files.writeString(tmp.resolve("synonyms.txt"), "us, usa\nalone\n");
    ServeCommand serve = parse("--index", tmp.resolve("index").toString(), "--synonyms", file.toString(), "--port", "0");
    ServeCommand.StartupException e = assertThrows(ServeCommand.StartupException.class, serve::start);
    assertTrue(e.getMessage().contains(file + ", line 2"), e.getMessage());
  }

  @Test
  void aWebFolderWithoutIndexPageIsRefused(@TempDir Path tmp) {
    ServeCommand serve = parse("--index", tmp.resolve("index").toString(), "--web", tmp.toString(), "--port", "0");
    assertThrows(ServeCommand.StartupException.class, serve::start);
  }

  @Test
  void searchThreadsAreOnePerCoreUnlessToldAndNeverNone(@TempDir Path tmp) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    assertEquals(Math.max(2, cores), parse("--web", "web").config().searchThreads());
    assertEquals(3, parse("--web", "web", "--search-threads", "3").config().searchThreads());
    ServeCommand none = parse("--index", tmp.resolve("index").toString(), "--search-threads", "0", "--port", "0");
    ServeCommand.StartupException e = assertThrows(ServeCommand.StartupException.class, none::start);
    assertTrue(e.getMessage().contains("--search-threads must be at least 1"), e.getMessage());
  }
}
