package io.lede.bench;

import io.lede.index.DocumentMapper;
import io.lede.index.IndexBuilder;
import io.lede.index.StoryDoc;
import io.lede.item.FrontMatterReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where does rebuild time go? Times reading, parsing and mapping separately, single-threaded. */
public final class ParseOnly {
  public static void main(String[] args) throws Exception {
    List<Path> files = IndexBuilder.itemFiles(Path.of(args[0]));
    FrontMatterReader reader = new FrontMatterReader();
    DocumentMapper mapper = new DocumentMapper();
    for (int round = 0; round < Integer.parseInt(args.length > 1 ? args[1] : "3"); round++) {
      long t0 = System.nanoTime();
      List<byte[]> bytes = new ArrayList<>();
      for (Path f : files) bytes.add(Files.readAllBytes(f));
      long t1 = System.nanoTime();
      List<StoryDoc> docs = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        reader.parse(files.get(i).getFileName().toString(), bytes.get(i)).item().ifPresent(it -> docs.addAll(StoryDoc.of(it)));
      }
      long t2 = System.nanoTime();
      long fields = 0;
      for (StoryDoc d : docs) fields += mapper.toDocument(d).getFields().size();
      long t3 = System.nanoTime();
      System.out.printf("read %.0f ms, parse %.0f ms (%d items, %.0f items/s), map %.0f ms (%.0f items/s), fields %d%n",
          (t1 - t0) / 1e6, (t2 - t1) / 1e6, docs.size(), docs.size() / ((t2 - t1) / 1e9), (t3 - t2) / 1e6,
          docs.size() / ((t3 - t2) / 1e9), fields);
    }
  }
}
