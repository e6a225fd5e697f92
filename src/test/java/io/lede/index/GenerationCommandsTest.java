package io.lede.index;

import static io.lede.index.ValidationTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands: stats lists generations, rollback switches, index applies changes; all with key=value summaries. */
class GenerationCommandsTest {

  @TempDir Path seeds;
  @TempDir Path home;

  @Test
  void statsListsGenerationsRollbackAndIndexReportTheirResult() throws Exception {
    List<Path> files = NewsFiles.corpus(seeds, 6);
    String[] rebuild = {"rebuild", "--seeds", seeds.toString(), "--index", home.toString(), "-q"};
    assertEquals(0, cli(rebuild).code());
    assertEquals(0, cli(rebuild).code());

    ValidationTest.Run stats = cli("stats", "--generations", "--index", home.toString());
    assertEquals(0, stats.code());
    List<String> rows = stats.out().lines().skip(1).toList();
    assertEquals(2, rows.size(), stats.out());
    assertTrue(rows.get(0).matches("000001 +ready +\\d{4}-.*Z +- +7 +6 +6 +0 .*"), rows.get(0));
    assertTrue(rows.get(1).matches("000002 +live .*"), rows.get(1));

    ValidationTest.Run back = cli("rollback", "--index", home.toString());
    assertEquals(0, back.code(), back.err());
    assertTrue(back.out().contains("rollback result=rolled_back") && back.out().contains("from=000002")
        && back.out().contains("to=000001"), back.out());
    assertEquals("000001", new IndexHome(home).liveGeneration().orElseThrow());

    Files.delete(files.get(0));
    ValidationTest.Run index = cli("index", "--seeds", seeds.toString(), "--index", home.toString());
    assertEquals(0, index.code(), index.err());
    String summary = index.out().lines().filter(l -> l.startsWith("index result=")).findFirst().orElseThrow();
    assertTrue(summary.contains("result=committed generation=000001") && summary.contains(" deleted=1 ")
        && summary.contains(" documents=6 "), summary);
    assertTrue(index.out().contains("index phase=scan "), index.out());

    ValidationTest.Run json = cli("stats", "--generations", "--json", "--index", home.toString());
    assertTrue(json.out().contains("\"state\" : \"live\"") && json.out().contains("\"updatedAt\""), json.out());
  }
}
