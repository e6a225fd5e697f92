package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad build never replaces a good one; the report says which check failed. */
class ValidationTest {

  @TempDir Path seeds;
  @TempDir Path homeDir;

  private final Rebuilder rebuilder = new Rebuilder(new IndexBuilder(2, 16));

  @Test
  void aCorpusThatLostHalfItsFilesKeepsTheLiveGeneration() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    List<Path> files = NewsFiles.corpus(seeds, 20);
    String live = rebuilder.rebuild(seeds, home).generation();
    for (Path f : files.subList(0, 10)) Files.delete(f);

    Rebuilder.Result r = rebuilder.rebuild(seeds, home);

    assertFalse(r.published());
    assertEquals(List.of("documents"), r.validation().failures().stream().map(ValidationReport.Check::name).toList());
    assertTrue(r.validation().failures().get(0).detail().contains("11 documents vs 21"), r.validation().failures()::toString);
    assertEquals(Optional.of(live), home.liveGeneration());
    assertEquals(List.of(live), home.generations(), "the rejected generation is deleted");
    assertTrue(rebuilder.rebuild(seeds, home, new Rebuilder.Options(ValidationPolicy.DEFAULTS, 3, true),
        RebuildListener.NONE).generation().compareTo(r.generation()) > 0, "its number is not given to the next build");
  }

  @Test
  void forcePublishesDespiteFailuresAndSaysSo() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    List<Path> files = NewsFiles.corpus(seeds, 20);
    rebuilder.rebuild(seeds, home);
    for (Path f : files.subList(0, 10)) Files.delete(f);
    Rebuilder.Result r = rebuilder.rebuild(seeds, home,
        new Rebuilder.Options(ValidationPolicy.DEFAULTS, 3, true), RebuildListener.NONE);
    assertTrue(r.published());
    assertTrue(r.forced());
    assertEquals("documents", r.validation().failedNames());
    assertEquals("true", home.readyInfo(r.generation()).getProperty("forced"));
  }

  @Test
  void canariesProblemShareAndStrictEachNameTheirCheck() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    NewsFiles.corpus(seeds, 8);
    Files.writeString(seeds.resolve("broken1.txt"), "no front matter at all\n");
    Files.writeString(seeds.resolve("broken2.txt"), "");
    ValidationPolicy policy = new ValidationPolicy(0.2, 0.1, List.of("story3", "common wire", "unicorn"), true, 2);

    Rebuilder.Result r = rebuilder.rebuild(seeds, home, new Rebuilder.Options(policy, 3, false), RebuildListener.NONE);

    assertFalse(r.published());
    assertEquals(Optional.empty(), home.liveGeneration());
    assertEquals("canaries,problem_share,strict", r.validation().failedNames());
    String canaries = r.validation().failures().get(0).detail();
    assertTrue(canaries.contains("1 of 3") && canaries.contains("\"unicorn\""), canaries);
    assertTrue(r.validation().failures().get(1).detail().contains("2 of 10 files (20.0%)"), r.validation()::toString);
    assertEquals(ValidationReport.Outcome.PASSED, r.validation().checks().get(0).outcome(), "CheckIndex passed");

    // The same corpus with lenient thresholds and good canaries publishes.
    ValidationPolicy lenient = new ValidationPolicy(0.2, 0.25, List.of("story3", "common wire"), false, 2);
    assertTrue(rebuilder.rebuild(seeds, home, new Rebuilder.Options(lenient, 3, false), RebuildListener.NONE).published());
  }

  @Test
  void aCorruptedSegmentFileFailsCheckIndex() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    NewsFiles.corpus(seeds, 20);
    String live = rebuilder.rebuild(seeds, home).generation();
    // Between merging and validation, flip bytes in the middle of the largest file of the new
    // generation, as a failing disk or a bad copy would.
    Rebuilder.Result r = rebuilder.rebuild(seeds, home, Rebuilder.Options.DEFAULTS, corrupterAfter("merge", home));
    assertFalse(r.published());
    assertEquals("check_index", r.validation().failedNames(), r.validation()::toString);
    assertEquals(Optional.of(live), home.liveGeneration());
  }

  @Test
  void aSegmentCorruptedBeforeTheMergeFailsTheRebuildAndKeepsTheLiveGeneration() throws Exception {
    NewsFiles.corpus(seeds, 20);
    IndexHome home = new IndexHome(homeDir);
    String live = rebuilder.rebuild(seeds, home).generation();
    // A one-segment generation is not merged (validation's CheckIndex finds the damage then, as the test
    // above shows); how many segments two workers write depends on which gets the files first. A
    // tiny indexing buffer flushes a segment every few documents, so there is always a merge.
    Rebuilder flushing = new Rebuilder(new IndexBuilder(2, 0.01));
    RebuildListener corrupter = corrupterAfter("index", home);
    RebuildListener checked = new RebuildListener() {
      @Override
      public void phaseDone(String phase, java.util.Map<String, Object> facts, long millis) {
        if (phase.equals("index")) {
          try (var files = Files.list(home.generationDir((String) facts.get("generation")))) {
            assertTrue(files.filter(f -> f.toString().endsWith(".si")).count() > 1, "several segments to merge");
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        corrupter.phaseDone(phase, facts, millis);
      }
    };
    // The merge reads every segment with its checksum: it refuses, and the run ends as a failure.
    java.io.IOException e = assertThrows(java.io.IOException.class,
        () -> flushing.rebuild(seeds, home, Rebuilder.Options.DEFAULTS, checked));
    assertTrue(e.getMessage().startsWith("merging the new generation's segments failed: checksum failed"), e.getMessage());
    assertEquals(Optional.of(live), home.liveGeneration());
    assertEquals(List.of(live), GenerationInfo.list(home).stream().map(GenerationInfo::name).toList(),
        "the broken generation is removed");
  }

  /** Flips bytes in the largest file of the generation being built once {@code phase} is done. */
  private static RebuildListener corrupterAfter(String phase, IndexHome home) {
    return new RebuildListener() {
      String generation;

      @Override
      public void phaseDone(String done, java.util.Map<String, Object> facts, long millis) {
        if (done.equals("index")) generation = (String) facts.get("generation");
        if (!done.equals(phase)) return;
        try (var files = Files.list(home.generationDir(generation))) {
          Path biggest = files.filter(Files::isRegularFile)
              .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
          byte[] bytes = Files.readAllBytes(biggest);
          for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) bytes[i] ^= 0x5A;
          Files.write(biggest, bytes);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  @Test
  void theCommandExitsNonZeroAndNamesTheFailedCheck() throws Exception {
    List<Path> files = NewsFiles.corpus(seeds, 20);
    Files.writeString(homeDir.resolve("canaries.txt"), "# canaries\nstory1\n\ncommon wire story\n");
    Run quiet = cli("rebuild", "--seeds", seeds.toString(), "--index", homeDir.toString(), "--quiet");
    assertEquals(0, quiet.code);
    assertEquals(1, quiet.out.lines().count(), "--quiet prints only the summary line: " + quiet.out);
    assertTrue(quiet.out.startsWith("rebuild result=published generation="), quiet.out);
    String live = new IndexHome(homeDir).liveGeneration().orElseThrow();
    Files.delete(files.get(1)); // story1: the canary fails; 1 of 21 documents fewer passes the drop check

    Run run = cli("rebuild", "--seeds", seeds.toString(), "--index", homeDir.toString());
    assertEquals(1, run.code);
    assertTrue(run.err.contains("validation failed: canaries: 1 of 2 canary queries found nothing: \"story1\""), run.err);
    assertTrue(run.err.contains("the live generation " + live + " is unchanged"), run.err);
    assertTrue(run.out.lines().anyMatch(l -> l.startsWith("rebuild result=rejected ") && l.contains("failed_checks=canaries")), run.out);
    assertTrue(run.out.contains("rebuild phase=validate result=failed failed_checks=canaries"), run.out);
    assertEquals(Optional.of(live), new IndexHome(homeDir).liveGeneration());

    Run forced = cli("rebuild", "--seeds", seeds.toString(), "--index", homeDir.toString(), "--force");
    assertEquals(0, forced.code);
    assertTrue(forced.err.contains("although validation failed (--force): canaries"), forced.err);
    assertTrue(forced.out.contains("rebuild result=forced "), forced.out);
  }

  record Run(int code, String out, String err) {}

  static synchronized Run cli(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
