package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A seeds folder assembled from symbolic links: a full rebuild and the incremental scan see the same files. */
class SymlinkedSeedsTest {

  @TempDir Path seeds;
  @TempDir Path elsewhere;
  @TempDir Path homeDir;

  @Test
  void linkedFilesAndFoldersAreIndexedAndLoopsSkipped() throws Exception {
    Files.writeString(seeds.resolve("own.txt"), NewsFiles.item("Own story", "https://paper.example/own"));
    Path archive = Files.createDirectories(elsewhere.resolve("archive"));
    Files.writeString(archive.resolve("old.txt"), NewsFiles.item("Archived story", "https://paper.example/old"));
    Files.writeString(elsewhere.resolve("single.txt"), NewsFiles.item("Linked story", "https://paper.example/single"));
    Files.createSymbolicLink(seeds.resolve("archive"), archive); // a linked folder
    Files.createSymbolicLink(seeds.resolve("single.txt"), elsewhere.resolve("single.txt")); // a linked file
    Files.createSymbolicLink(archive.resolve("loop"), seeds); // leads back into the walk
    Files.createSymbolicLink(seeds.resolve("dangling.txt"), elsewhere.resolve("gone.txt"));

    List<Path> files = IndexBuilder.itemFiles(seeds);
    Set<String> names = files.stream().map(p -> seeds.relativize(p).toString()).collect(Collectors.toSet());
    assertEquals(Set.of("own.txt", "single.txt", "archive/old.txt"), names);
    assertEquals(names, SeedsScan.scan(seeds).keySet(), "the incremental scan sees exactly the rebuild's files");

    IndexHome home = new IndexHome(homeDir);
    Rebuilder.Result built = new Rebuilder(new IndexBuilder(2, 16)).rebuild(seeds, home);
    assertEquals(3, built.report().articles());
    IncrementalIndexer.Result again = new IncrementalIndexer(1.0).apply(seeds, home, RebuildListener.NONE);
    assertEquals(0, again.deleted(), "no linked file taken for deleted");
    assertEquals(0, again.added());
    assertEquals(0, again.changed(), "nothing changed");
  }
}
