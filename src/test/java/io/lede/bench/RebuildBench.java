package io.lede.bench;

import io.lede.index.BuildReport;
import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.Rebuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Rebuild benchmark: end-to-end rebuild (read, parse, map, index, commit) of a corpus folder into a
 * fresh index home, reporting items/s, wall time and peak heap. Run through bench/rebuild.
 */
public final class RebuildBench {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: RebuildBench CORPUS_DIR INDEX_HOME");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    IndexHome home = new IndexHome(Path.of(args[1]));
    long start = System.nanoTime();
    Rebuilder.Result result = new Rebuilder(new IndexBuilder()).rebuild(corpus, home, IndexBuilder.Listener.NONE);
    double seconds = (System.nanoTime() - start) / 1e9;
    BuildReport r = result.report();
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
    }
    System.out.printf("corpus=%s files=%d items=%d documents=%d wall_s=%.2f items_per_s=%.0f peak_heap_mb=%d max_heap_mb=%d cores=%d%n",
        corpus, r.filesRead(), r.items(), r.documents(), seconds, r.items() / seconds, peakHeap >> 20,
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
  }
}
