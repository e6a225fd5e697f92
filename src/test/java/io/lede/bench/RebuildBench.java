package io.lede.bench;

import io.lede.index.BuildReport;
import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.Rebuilder;
import io.lede.index.StoryDoc;
import io.lede.item.FrontMatterReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Rebuild benchmark: Lede's full rebuild of a corpus folder into a new generation. Reports the build
 * phase (read, parse, map, index, commit: items/s) and the whole run (with manifest, validation and
 * publish), CPU time and peak heap, and each phase's time. With {@code --baseline-only} it instead times a
 * minimal Lucene program indexing the same items already in memory (id + title + excerpt, standard
 * analyzer, same number of threads) in a JVM of its own, so both start cold as the reference
 * program did: the ratio of the two, taken in one run, is what to compare on a noisy machine. Run
 * through bench/rebuild.
 */
public final class RebuildBench {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: RebuildBench CORPUS_DIR INDEX_HOME [--baseline-only]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    Path scratch = Path.of(args[1]);
    if (args.length > 2 && args[2].equals("--baseline-only")) {
      baseline(corpus, scratch);
      return;
    }

    int warmups = Integer.getInteger("bench.warmups", 0);
    for (int i = 0; i < warmups; i++) {
      new Rebuilder(new IndexBuilder()).rebuild(corpus, new IndexHome(scratch.resolve("warmup" + i)), IndexBuilder.Listener.NONE);
    }
    long cpu0 = cpuNanos();
    long start = System.nanoTime();
    StringBuilder phases = new StringBuilder();
    Rebuilder.Result result = new Rebuilder(new IndexBuilder()).rebuild(corpus, new IndexHome(scratch.resolve("home")),
        Rebuilder.Options.DEFAULTS, new io.lede.index.RebuildListener() {
          @Override
          public void phaseDone(String phase, java.util.Map<String, Object> facts, long millis) {
            phases.append(' ').append(phase).append("_s=").append(String.format("%.2f", millis / 1000.0));
          }
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
    long peakHeap = peakHeapBytes();
    BuildReport r = result.report();
    System.out.printf("lede     corpus=%s files=%d items=%d documents=%d build_s=%.2f build_items_per_s=%.0f total_s=%.2f cpu_s=%.1f items_per_cpu_s=%.0f peak_heap_mb=%d max_heap_mb=%d cores=%d published=%s%n",
        corpus, r.filesRead(), r.items(), r.documents(), r.millis() / 1000.0, r.itemsPerSecond(), seconds, cpuSeconds,
        r.items() / cpuSeconds, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(), result.published());
    System.out.println("phases  " + phases.toString().strip());

  }

  private static void baseline(Path corpus, Path scratch) throws Exception {
    List<StoryDoc> docs = readAll(corpus);
    long cpu1 = cpuNanos();
    long t = System.nanoTime();
    indexMinimal(docs, scratch.resolve("baseline"));
    double s = (System.nanoTime() - t) / 1e9;
    double c = (cpuNanos() - cpu1) / 1e9;
    System.out.printf("baseline items=%d wall_s=%.2f items_per_s=%.0f cpu_s=%.1f (minimal Lucene, items already in memory, own JVM)%n",
        docs.size(), s, docs.size() / s, c);
  }

  private static List<StoryDoc> readAll(Path corpus) throws Exception {
    FrontMatterReader reader = new FrontMatterReader();
    List<StoryDoc> docs = new ArrayList<>();
    for (Path f : IndexBuilder.itemFiles(corpus)) reader.read(f).item().ifPresent(i -> docs.addAll(StoryDoc.of(i)));
    return docs;
  }

  private static void indexMinimal(List<StoryDoc> docs, Path dir) throws Exception {
    Files.createDirectories(dir);
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(128);
    try (var d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
      AtomicInteger next = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
        threads.add(Thread.ofPlatform().start(() -> {
          try {
            for (int j = next.getAndIncrement(); j < docs.size(); j = next.getAndIncrement()) {
              StoryDoc s = docs.get(j);
              Document doc = new Document();
              doc.add(new StringField("id", s.id(), Field.Store.YES));
              doc.add(new TextField("title", s.story().title(), Field.Store.YES));
              doc.add(new TextField("excerpt", s.story().excerpt(), Field.Store.YES));
              w.addDocument(doc);
            }
          } catch (Exception e) {
            throw new RuntimeException(e);
          }
        }));
      }
      for (Thread t : threads) t.join();
      w.commit();
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak;
  }
}
