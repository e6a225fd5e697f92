package io.lede.index;

import io.lede.item.FrontMatterReader;
import io.lede.item.ItemProblem;
import io.lede.item.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code lede index}: applies what changed in the seeds folder since the last run (new, changed and
 * deleted files, by content hash) to a new commit of the <em>live</em> generation, which searchers
 * pick up on their next refresh.
 *
 * <p><b>Stories shared between files.</b> A document is the merge of every copy of its story, from
 * every file that holds it, and a merge cannot be undone. So the indexer never patches a document:
 * for each story a changed or deleted file held (before or after), it finds every file that still
 * holds it in the manifest, reads those copies again and merges them from scratch, exactly as a full
 * rebuild would. A story that no file holds any more is deleted. This costs a few re-reads per
 * shared story and is correct whatever the history.
 *
 * <p><b>Cheap change detection.</b> Hashing a million files takes longer than the change itself, so a
 * file whose size and modification time match the manifest is unchanged, unless it was modified
 * within {@link ManifestEntry#RACY_WINDOW_MILLIS} of the moment it was read (then it is hashed).
 * A file whose size or time changed is hashed; if its content is the same it is only re-stamped.
 *
 * <p><b>Crash safety.</b> The manifest is committed first under a new name, then the main index
 * commits the stories together with that name: the main commit is the one atomic step. A run killed
 * before it leaves the index as it was, and the next run recomputes the same changes.
 */
public final class IncrementalIndexer {

  /**
   * The outcome.
   *
   * @param committed false when nothing had changed (no commit was made)
   * @param restamped files whose time changed but whose content did not
   * @param storiesUpdated documents written (new or re-merged)
   * @param storiesDeleted documents removed because no file holds their story any more
   */
  public record Result(String generation, boolean committed, int files, int added, int changed, int deleted,
      int restamped, long storiesUpdated, long storiesDeleted, IndexStats stats, List<ItemProblem> problems,
      Optional<WriteLock.Owner> staleLock) {}

  /** Raised when the change looks like an accident (the seeds folder emptied or unmounted). */
  public static final class TooManyDeletionsException extends IOException {
    TooManyDeletionsException(String message) {
      super(message);
    }
  }

  private final FrontMatterReader reader = new FrontMatterReader();
  private final DocumentMapper mapper = new DocumentMapper();
  private final double maxDeletedShare;

  /**
   * @param maxDeletedShare the largest share of known files one run may delete (1.0: no limit): an
   *     incremental run is not validated like a rebuild, so this guards against an emptied folder
   */
  public IncrementalIndexer(double maxDeletedShare) {
    this.maxDeletedShare = maxDeletedShare;
  }

  public Result apply(Path seeds, IndexHome home, RebuildListener listener) throws IOException {
    try (WriteLock lock = WriteLock.acquire(home, "index --seeds " + seeds)) {
      lock.staleOwner().ifPresent(o -> listener.warning("took over a stale lock left by " + o + ", which is no longer running"));
      String generation = home.liveGeneration()
          .orElseThrow(() -> new IOException("no generation is live under " + home.root() + "; run lede rebuild first"));
      Path dir = home.generationDir(generation);
      if (!Manifest.exists(dir)) {
        throw new IOException("generation " + generation + " has no manifest (it was built before incremental "
            + "indexing existed); run lede rebuild once");
      }
      Map<String, String> mainData;
      try (Directory d = FSDirectory.open(dir)) {
        mainData = new LinkedHashMap<>(SegmentInfos.readLatestCommit(d).getUserData());
      }
      String base = mainData.getOrDefault(Manifest.MAIN_REF, Manifest.BUILD_COMMIT);
      try (Manifest manifest = Manifest.open(dir, base)) {
        manifest.seeds().filter(s -> !Path.of(s).equals(seeds.toAbsolutePath().normalize())).ifPresent(s ->
            listener.warning("generation " + generation + " was built from " + s + ", comparing with " + seeds));
        Run run = new Run(seeds, generation, dir, manifest, listener);
        return run.apply(mainData, base, lock.staleOwner());
      }
    }
  }

  /** A file that is new or whose content changed: what it gives now. */
  private record Changed(String key, ManifestEntry entry, List<StoryDoc> docs, List<ItemProblem> problems) {}

  /** One run's state. */
  private final class Run {
    final Path seeds;
    final String generation;
    final Path dir;
    final Manifest manifest;
    final RebuildListener listener;
    final long startedAt = System.currentTimeMillis();

    Run(Path seeds, String generation, Path dir, Manifest manifest, RebuildListener listener) {
      this.seeds = seeds;
      this.generation = generation;
      this.dir = dir;
      this.manifest = manifest;
      this.listener = listener;
    }

    Result apply(Map<String, String> mainData, String base, Optional<WriteLock.Owner> stale) throws IOException {
      long t = System.nanoTime();
      Map<String, ManifestEntry> entries = manifest.entries();
      Map<String, SeedsScan.Scanned> files = SeedsScan.scan(seeds);
      Map<String, Path> suspects = new TreeMap<>();
      for (Map.Entry<String, SeedsScan.Scanned> f : files.entrySet()) {
        ManifestEntry known = entries.get(f.getKey());
        FileStat stat = f.getValue().stat();
        if (known == null || !known.trustStat(stat.size(), stat.mtimeNanos())) suspects.put(f.getKey(), f.getValue().file());
      }
      Set<String> deleted = new TreeSet<>();
      for (String key : entries.keySet()) if (!files.containsKey(key)) deleted.add(key);
      if (!entries.isEmpty() && deleted.size() > maxDeletedShare * entries.size()) {
        throw new TooManyDeletionsException(String.format(
            "refusing to delete %d of %d files (%.0f%%, at most %.0f%% allowed): is %s the right, fully mounted folder? "
                + "(--max-drop 1 allows it; lede rebuild validates a big change)",
            deleted.size(), entries.size(), 100.0 * deleted.size() / entries.size(), 100 * maxDeletedShare, seeds));
      }

      // Hash the suspects: content changes become Changed, same content only gets a new stamp.
      List<Changed> changed = new ArrayList<>();
      List<ManifestEntry> restamped = new ArrayList<>();
      int added = 0;
      for (Map.Entry<String, Path> s : suspects.entrySet()) {
        Path file = s.getValue();
        FileStat stat = ManifestRecorder.statOrMissing(file);
        byte[] content = readQuietly(file);
        ManifestEntry known = entries.get(s.getKey());
        String hash = ContentHash.of(content);
        if (known != null && hash.equals(known.hash()) && content != null) {
          restamped.add(new ManifestEntry(known.path(), hash, stat.size(), stat.mtimeNanos(), startedAt, known.items(),
              known.problems(), known.failed(), manifest.storiesOf(known.path())));
          continue;
        }
        if (known == null) added++;
        ParseResult parsed = parse(file, content);
        List<StoryDoc> docs = parsed.item().map(StoryDoc::of).orElse(List.of());
        changed.add(new Changed(s.getKey(), ManifestRecorder.entry(s.getKey(), content, stat, startedAt, parsed, docs),
            docs, parsed.problems()));
      }
      listener.phaseDone("scan", Rebuilder.facts("generation", generation, "files", files.size(), "new", added,
          "changed", changed.size() - added, "deleted", deleted.size(), "restamped", restamped.size(),
          "unchanged", files.size() - suspects.size()), Rebuilder.since(t));

      List<ItemProblem> problems = changed.stream().flatMap(c -> c.problems().stream()).toList();
      if (changed.isEmpty() && deleted.isEmpty() && restamped.isEmpty()) {
        IndexStats stats = IndexStats.fromCommitData(mainData);
        return new Result(generation, false, files.size(), 0, 0, 0, 0, 0, 0, stats, problems, stale);
      }

      t = System.nanoTime();
      Map<String, List<StoryDoc>> merged = remerge(changed, deleted);
      long updated = merged.values().stream().filter(l -> !l.isEmpty()).count();
      long removed = merged.size() - updated;

      for (ManifestEntry e : restamped) entries.put(e.path(), e);
      for (Changed c : changed) entries.put(c.key(), c.entry());
      for (String key : deleted) entries.remove(key);
      String commitId = "incremental-" + Instant.now().toEpochMilli() + "-" + Long.toHexString(System.nanoTime());

      try (ManifestWriter mw = ManifestWriter.continueFrom(dir, base)) {
        for (ManifestEntry e : restamped) mw.put(e);
        for (Changed c : changed) mw.put(c.entry());
        for (String key : deleted) mw.remove(key);
        mw.commit(commitId, seeds.toAbsolutePath().normalize());
      }
      listener.phaseDone("manifest", Rebuilder.facts("commit", commitId, "files", entries.size()), Rebuilder.since(t));
      IndexStats stats;
      try (Directory d = FSDirectory.open(dir);
          IndexWriter writer = new IndexWriter(d, Schema.writerConfigFor(d)
              .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
              .setMergePolicy(smallMergesOnly()))) {
        for (Map.Entry<String, List<StoryDoc>> e : merged.entrySet()) {
          Term id = new Term(Schema.ID, e.getKey());
          if (e.getValue().isEmpty()) {
            writer.deleteDocuments(id);
          } else {
            writer.updateDocument(id, mapper.toDocument(fold(e.getValue())));
          }
        }
        stats = stats(entries, writer, IndexStats.fromCommitData(mainData).builtAt());
        Map<String, String> data = new LinkedHashMap<>(mainData);
        data.putAll(stats.toCommitData());
        data.put(IndexStats.UPDATED_AT, Instant.now().toString());
        data.put(Manifest.MAIN_REF, commitId); // this commit is the step that makes the new manifest current
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
      }
      listener.phaseDone("apply", Rebuilder.facts("generation", generation, "stories_updated", updated,
          "stories_deleted", removed, "documents", stats.documents()), Rebuilder.since(t));
      return new Result(generation, true, files.size(), added, changed.size() - added, deleted.size(), restamped.size(),
          updated, removed, stats, problems, stale);
    }

    /**
     * For every story a changed or deleted file held before or holds now: all its copies that remain,
     * from the changed files' new content and from the unchanged files that hold it (read again).
     * An empty list means no file holds the story any more.
     */
    private Map<String, List<StoryDoc>> remerge(List<Changed> changed, Set<String> deleted) throws IOException {
      Set<String> touchedFiles = new HashSet<>(deleted);
      Map<String, List<StoryDoc>> copies = new TreeMap<>();
      for (Changed c : changed) {
        touchedFiles.add(c.key());
        for (String id : manifest.storiesOf(c.key())) copies.computeIfAbsent(id, k -> new ArrayList<>());
        for (StoryDoc doc : c.docs()) copies.computeIfAbsent(doc.id(), k -> new ArrayList<>()).add(doc);
      }
      for (String key : deleted) {
        for (String id : manifest.storiesOf(key)) copies.computeIfAbsent(id, k -> new ArrayList<>());
      }
      Map<String, List<StoryDoc>> reread = new HashMap<>();
      for (Map.Entry<String, List<StoryDoc>> e : copies.entrySet()) {
        for (String holder : manifest.filesHolding(e.getKey())) {
          if (touchedFiles.contains(holder)) continue;
          List<StoryDoc> docs = reread.computeIfAbsent(holder, this::readStories);
          for (StoryDoc doc : docs) if (doc.id().equals(e.getKey())) e.getValue().add(doc);
        }
      }
      return copies;
    }

    private List<StoryDoc> readStories(String key) {
      Path file = seeds.resolve(key);
      return parse(file, readQuietly(file)).item().map(StoryDoc::of).orElse(List.of());
    }

    private ParseResult parse(Path file, byte[] content) {
      try {
        return content == null ? reader.read(file) : reader.parse(file.getFileName().toString(), content);
      } catch (RuntimeException e) {
        return new ParseResult(Optional.empty(),
            List.of(ItemProblem.ofFile(file.getFileName().toString(), 0, "unexpected parser failure: " + e)));
      }
    }
  }

  /**
   * The merge policy of incremental runs: only small segments (those runs' own) are merged. Left to
   * itself, Lucene may pick the commit of a one-file change to merge several of the build's large
   * segments, and closing the writer waits for that merge: seconds or minutes instead of
   * milliseconds. The large segments' deleted documents are reclaimed by the next full rebuild.
   */
  static org.apache.lucene.index.MergePolicy smallMergesOnly() {
    return new org.apache.lucene.index.TieredMergePolicy().setMaxMergedSegmentMB(SMALL_MERGE_MB);
  }

  private static final double SMALL_MERGE_MB = 32;

  /** The copies of one story as one document, merged in file order so the result does not depend on history. */
  static StoryDoc fold(List<StoryDoc> copies) {
    List<StoryDoc> ordered = new ArrayList<>(copies);
    ordered.sort(Comparator.comparing((StoryDoc d) -> d.sources().isEmpty() ? "" : d.sources().get(0))
        .thenComparing(StoryDoc::kind));
    StoryDoc merged = ordered.get(0);
    for (int i = 1; i < ordered.size(); i++) merged = merged.merge(ordered.get(i));
    return merged;
  }

  private static IndexStats stats(Map<String, ManifestEntry> entries, IndexWriter writer, Instant builtAt) throws IOException {
    long items = 0;
    int problems = 0;
    int failed = 0;
    for (ManifestEntry e : entries.values()) {
      items += e.items();
      problems += e.problems();
      if (e.failed()) failed++;
    }
    long documents;
    try (var reader = org.apache.lucene.index.DirectoryReader.open(writer)) {
      documents = reader.numDocs(); // applies the deletes still buffered in the writer
    }
    long[] kinds = IndexBuilder.countKinds(writer);
    return new IndexStats(documents, kinds[0], kinds[1], items - documents, items, entries.size(), problems, failed, builtAt);
  }

  private static byte[] readQuietly(Path file) {
    try {
      if (Files.size(file) > FrontMatterReader.MAX_FILE_BYTES) return null;
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null;
    }
  }
}
