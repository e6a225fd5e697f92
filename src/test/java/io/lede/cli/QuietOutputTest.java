package io.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.Rebuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command run as the launcher runs it prints its answer, not Lucene's start-up notes. */
class QuietOutputTest {

  @TempDir Path dir;

  @Test
  void searchPrintsNoLuceneInfoLines() throws Exception {
    Path home = dir.resolve("index");
    new Rebuilder(new IndexBuilder(1, 16)).rebuild(Path.of("seeds"), new IndexHome(home), IndexBuilder.Listener.NONE);
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "io.lede.cli.Main",
        "search", "clearview", "--index", home.toString())).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("hits for \"clearview\""), output);
    assertFalse(output.contains("INFO"), "Lucene's vectorization note is not the command's business: " + output);
  }
}
