package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.item.ItemProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken files mixed with the seeds: each is reported by name, and every seed story is still indexed. */
class BrokenFilesIndexTest {

  @TempDir Path seeds;
  @TempDir Path home;

  @Test
  void brokenFilesAreReportedAndCostNothingElse() throws Exception {
    for (Path seed : IndexBuilder.itemFiles(Path.of("seeds"))) Files.copy(seed, seeds.resolve(seed.getFileName()));
    Files.writeString(seeds.resolve("malformed.txt"), "---\ntitle: \"unclosed\nexcerpt: [a, b\n---\n");
    Files.writeString(seeds.resolve("nofence.txt"), "---\ntitle: Never closed\n");
    Files.writeString(seeds.resolve("empty.txt"), "");
    Files.writeString(seeds.resolve("tag.txt"), "---\ntitle: !!javax.script.ScriptEngineManager [x]\n---\n");
    Files.writeString(seeds.resolve("bomb.txt"), "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntitle: boom\n---\n");
    Files.writeString(seeds.resolve("quality.txt"),
        "---\ntitle: \"Quality is a word\"\nwebUrl: https://q.example/1\nquality: high\n---\n");
    Files.write(seeds.resolve("latin1.txt"),
        "---\ntitle: \"Caf\u00e9 r\u00e9sum\u00e9\"\nwebUrl: https://l.example/1\n---\n".getBytes(StandardCharsets.ISO_8859_1));

    BuildReport r = new Rebuilder(new IndexBuilder()).rebuild(seeds, new IndexHome(home), IndexBuilder.Listener.NONE).report();

    assertEquals(12, r.filesRead());
    assertEquals(45 + 2, r.documents(), "every seed story plus the two readable broken files");
    assertEquals(5, r.filesFailed(), () -> r.problems().toString());
    Set<String> reported = r.problems().stream().map(ItemProblem::file).collect(Collectors.toSet());
    assertEquals(Set.of("malformed.txt", "nofence.txt", "empty.txt", "tag.txt", "bomb.txt", "quality.txt", "latin1.txt"), reported);
    for (ItemProblem p : r.problems()) assertTrue(!p.reason().isBlank(), p::toString);
    List<ItemProblem> quality = r.problems().stream().filter(p -> p.file().equals("quality.txt")).toList();
    assertEquals("quality", quality.get(0).field());
    assertEquals(4, quality.get(0).line(), "quality: high is on line 4 of the file");
  }
}
