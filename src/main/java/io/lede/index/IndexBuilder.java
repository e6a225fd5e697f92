package io.lede.index;

import io.lede.item.FrontMatterReader;
import io.lede.item.ItemProblem;
import io.lede.item.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Reads a directory of news item files and writes them into a fresh Lucene index.
 *
 * <p>Files are parsed and indexed by several workers at once: a worker reads a file, parses it, maps
 * each story and hands it to the (thread-safe) IndexWriter, so parsing and Lucene's analysis overlap on
 * every core. The first copy of a story is written at once; later copies of the same id (rare) are kept
 * aside and merged into the document in one pass at the end, so memory holds one id per story, not the
 * stories themselves.
 */
public final class IndexBuilder {

  /** Receives progress; called from worker threads. */
  public interface Listener {
    Listener NONE = (done, total) -> {};

    void filesDone(int done, int total);
  }

  /**
   * Told about each file once its stories are handed to the writer; called from worker threads. The
   * incremental indexer uses it to record which stories each file holds, hashed from the very bytes
   * that were parsed (so a file edited during the build is seen as changed next time).
   */
  public interface FileObserver {
    FileObserver NONE = (file, content, parsed, docs) -> {};

    /** {@code content} is null when the file could not be read. */
    void fileIndexed(Path file, byte[] content, ParseResult parsed, List<StoryDoc> docs) throws IOException;
  }

  private final int workers;
  private final double ramBufferMb;
  private final boolean deferMerges;

  public IndexBuilder() {
    this(Math.max(1, Runtime.getRuntime().availableProcessors()), 128);
  }

  public IndexBuilder(int workers, double ramBufferMb) {
    this(workers, ramBufferMb, false);
  }

  private IndexBuilder(int workers, double ramBufferMb, boolean deferMerges) {
    this.workers = workers;
    this.ramBufferMb = ramBufferMb;
    this.deferMerges = deferMerges;
  }

  /**
   * This builder, deferring merges to the merge phase that follows a rebuild: flushed segments stay as
   * they are (up to {@link #UNMERGED_PER_TIER} per tier), since merging them while building would take
   * cores from indexing only for the result to be merged again.
   */
  public IndexBuilder deferringMerges() {
    return new IndexBuilder(workers, ramBufferMb, true);
  }

  /**
   * Merges only when a tier holds {@link #UNMERGED_PER_TIER} flushed segments: none at all up to a few
   * million items, and still a bounded number of open segments (and files) for a far larger corpus.
   */
  private static MergePolicy fewMerges() {
    TieredMergePolicy policy = new TieredMergePolicy();
    policy.setSegmentsPerTier(UNMERGED_PER_TIER);
    policy.setMaxMergeAtOnce(UNMERGED_PER_TIER);
    return policy;
  }

  /** Flushed segments a tier may hold before a build deferring its merges merges them after all. */
  static final int UNMERGED_PER_TIER = 64;

  /**
   * The news item files in {@code dir} and its subfolders (*.txt, *.md, *.yaml, *.yml; hidden files
   * skipped; symbolic links followed), sorted by name.
   */
  public static List<Path> itemFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) throw new IOException("seeds directory " + dir + " does not exist");
    List<Path> files = new ArrayList<>();
    SeedsScan.walk(dir, (file, attrs) -> files.add(file));
    files.sort(null);
    return List.copyOf(files);
  }

  /** Whether a regular file with this name is a news item file (the rule {@link #itemFiles} applies). */
  public static boolean isItemFileName(Path file) {
    String n = file.getFileName().toString();
    if (n.startsWith(".")) return false;
    n = n.toLowerCase(Locale.ROOT);
    return n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".yaml") || n.endsWith(".yml");
  }


  /** Builds a complete index of {@code files} in {@code indexDir}, replacing whatever was there. */
  public BuildReport build(List<Path> files, Path indexDir, Listener listener) throws IOException {
    return build(files, indexDir, listener, FileObserver.NONE);
  }

  /** As {@link #build(List, Path, Listener)}, telling {@code observer} what each file held. */
  public BuildReport build(List<Path> files, Path indexDir, Listener listener, FileObserver observer)
      throws IOException {
    long start = System.nanoTime();
    Files.createDirectories(indexDir);
    IndexWriterConfig config = Schema.writerConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(ramBufferMb);
    if (deferMerges) config.setMergePolicy(fewMerges());
    try (Directory dir = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, config)) {
      Run run = new Run(files, writer, listener, observer);
      run.indexAll();
      long merged = run.mergeLaterCopies();
      Map<String, String> stats = new HashMap<>();
      long[] kinds = countKinds(writer);
      long documents = kinds[2];
      BuildReport report = new BuildReport(files.size(), run.filesWithProblems.get(), run.filesFailed.get(),
          run.items.get(), kinds[0], kinds[1], documents, merged, List.copyOf(run.problems),
          (System.nanoTime() - start) / 1_000_000);
      stats.putAll(IndexStats.toCommitData(report));
      writer.setLiveCommitData(stats.entrySet());
      writer.commit();
      return report;
    }
  }

  /** Articles, related entries and all documents, counted on a reader that sees every update applied. */
  /** Articles and related entries in what {@code writer} holds now (used by the incremental indexer too). */
  static long[] countKinds(IndexWriter writer) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      var facets = Schema.facetsConfig();
      DrillDownQuery articles = new DrillDownQuery(facets);
      articles.add(Schema.FACET_KIND, StoryDoc.ARTICLE);
      DrillDownQuery related = new DrillDownQuery(facets);
      related.add(Schema.FACET_KIND, StoryDoc.RELATED);
      return new long[] {searcher.count(articles), searcher.count(related), reader.numDocs()};
    }
  }

  /** One build's shared state. */
  private final class Run {
    final List<Path> files;
    final IndexWriter writer;
    final Listener listener;
    final FileObserver observer;
    final DocumentMapper mapper = new DocumentMapper();
    final FrontMatterReader reader = new FrontMatterReader();
    final Set<String> written = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<StoryDoc> laterCopies = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<ItemProblem> problems = new ConcurrentLinkedQueue<>();
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger filesWithProblems = new AtomicInteger();
    final AtomicInteger filesFailed = new AtomicInteger();
    final AtomicLong items = new AtomicLong();
    final java.util.concurrent.atomic.AtomicReference<IOException> failure = new java.util.concurrent.atomic.AtomicReference<>();

    Run(List<Path> files, IndexWriter writer, Listener listener, FileObserver observer) {
      this.files = files;
      this.writer = writer;
      this.listener = listener;
      this.observer = observer;
    }

    void indexAll() throws IOException {
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        threads.add(Thread.ofPlatform().name("lede-indexer-" + i).start(this::work));
      }
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while indexing", e);
        }
      }
      if (failure.get() != null) throw failure.get();
    }

    private void work() {
      for (int i = next.getAndIncrement(); i < files.size() && failure.get() == null; i = next.getAndIncrement()) {
        Path file = files.get(i);
        byte[] content = observer == FileObserver.NONE ? null : readQuietly(file);
        ParseResult parsed = content == null ? parse(file) : parse(file, content);
        if (parsed.hasProblems()) {
          filesWithProblems.incrementAndGet();
          problems.addAll(parsed.problems());
        }
        if (parsed.item().isEmpty()) filesFailed.incrementAndGet();
        try {
          List<StoryDoc> docs = parsed.item().map(StoryDoc::of).orElse(List.of());
          for (StoryDoc doc : docs) {
            items.incrementAndGet();
            if (written.add(doc.id())) {
              writer.addDocument(mapper.toDocument(doc));
            } else {
              laterCopies.add(doc);
            }
          }
          observer.fileIndexed(file, content, parsed, docs);
        } catch (IOException | RuntimeException e) {
          // A write failure (disk full, closed writer) ends the build; the caller reports it.
          failure.compareAndSet(null, e instanceof IOException io ? io : new IOException("indexing " + file + " failed", e));
        }
        listener.filesDone(done.incrementAndGet(), files.size());
      }
    }

    /** The file's bytes, or null when it is too large or unreadable (the reader then reports why). */
    private byte[] readQuietly(Path file) {
      try {
        if (Files.size(file) > FrontMatterReader.MAX_FILE_BYTES) return null;
        return Files.readAllBytes(file);
      } catch (IOException e) {
        return null;
      }
    }

    private ParseResult parse(Path file, byte[] content) {
      return guarded(file, () -> reader.parse(file.getFileName().toString(), content));
    }

    private ParseResult parse(Path file) {
      return guarded(file, () -> reader.read(file));
    }

    private ParseResult guarded(Path file, java.util.function.Supplier<ParseResult> parsing) {
      try {
        return parsing.get();
      } catch (RuntimeException e) {
        // The reader reports problems itself; this guards against a parser bug costing the whole run.
        return new ParseResult(java.util.Optional.empty(),
            List.of(ItemProblem.ofFile(file.getFileName().toString(), 0, "unexpected parser failure: " + e)));
      }
    }

    /** Folds every later copy into the document written first; returns how many copies were merged. */
    long mergeLaterCopies() throws IOException {
      if (laterCopies.isEmpty()) return 0;
      Map<String, List<StoryDoc>> byId = new HashMap<>();
      for (StoryDoc doc : laterCopies) byId.computeIfAbsent(doc.id(), k -> new ArrayList<>()).add(doc);
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (Map.Entry<String, List<StoryDoc>> e : byId.entrySet()) {
          TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, e.getKey())), 1);
          StoryDoc merged = DocumentMapper.fromStored(searcher.storedFields().document(top.scoreDocs[0].doc));
          for (StoryDoc copy : e.getValue()) merged = merged.merge(copy);
          writer.updateDocument(new Term(Schema.ID, e.getKey()), mapper.toDocument(merged));
        }
      }
      return laterCopies.size();
    }
  }
}
