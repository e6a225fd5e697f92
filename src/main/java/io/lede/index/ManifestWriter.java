package io.lede.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexDeletionPolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/** Writes a generation's {@link Manifest}: all of it during a build, or changes on top of a named commit. */
public final class ManifestWriter implements Closeable {

  private final Directory directory;
  private final IndexWriter writer;

  private ManifestWriter(Directory directory, IndexWriter writer) {
    this.directory = directory;
    this.writer = writer;
  }

  /** A new, empty manifest in {@code generationDir} (a full build). */
  public static ManifestWriter create(Path generationDir) throws IOException {
    // A buffer large enough that a million-file manifest is written as one or two segments, so later
    // incremental runs have no reason to merge it.
    return open(generationDir, null, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(128));
  }

  /**
   * Continues from the commit named {@code commitId}. That commit is kept until the next one is the
   * one the main index refers to: if this run dies before the main index commits, the main index
   * still refers to it.
   */
  public static ManifestWriter continueFrom(Path generationDir, String commitId) throws IOException {
    Directory dir = FSDirectory.open(generationDir.resolve(Manifest.FOLDER));
    IndexCommit base;
    try {
      base = Manifest.find(dir, commitId).orElseThrow(() -> new IOException("no manifest commit " + commitId));
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
    IndexWriterConfig config = new IndexWriterConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
        .setIndexCommit(base)
        .setIndexDeletionPolicy(new KeepNamedAndLatest(commitId))
        .setMergePolicy(IncrementalIndexer.smallMergesOnly());
    return open(generationDir, dir, config);
  }

  private static ManifestWriter open(Path generationDir, Directory dir, IndexWriterConfig config) throws IOException {
    Directory d = dir != null ? dir : FSDirectory.open(generationDir.resolve(Manifest.FOLDER));
    try {
      return new ManifestWriter(d, new IndexWriter(d, config));
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /** Adds or replaces the entry for {@code entry.path()}. Thread-safe. */
  public void put(ManifestEntry entry) throws IOException {
    writer.updateDocument(new Term(Schema.MANIFEST_PATH, entry.path()), toDocument(entry));
  }

  /** Adds an entry known to be new (a build: every path once). Thread-safe. */
  public void add(ManifestEntry entry) throws IOException {
    writer.addDocument(toDocument(entry));
  }

  public void remove(String path) throws IOException {
    writer.deleteDocuments(new Term(Schema.MANIFEST_PATH, path));
  }

  /** Commits everything so far as the commit named {@code commitId}. */
  public void commit(String commitId, Path seeds) throws IOException {
    writer.setLiveCommitData(Map.of(Manifest.COMMIT_ID, commitId, Manifest.SEEDS, seeds.toString()).entrySet());
    writer.commit();
  }

  private static Document toDocument(ManifestEntry e) {
    Document d = new Document();
    d.add(new StringField(Schema.MANIFEST_PATH, e.path(), Field.Store.YES));
    d.add(new SortedDocValuesField(Schema.MANIFEST_PATH, new BytesRef(e.path())));
    d.add(new BinaryDocValuesField(Schema.MANIFEST_HASH, new BytesRef(e.hash())));
    d.add(new NumericDocValuesField(Schema.MANIFEST_SIZE, e.size()));
    d.add(new NumericDocValuesField(Schema.MANIFEST_MTIME, e.mtimeNanos()));
    d.add(new NumericDocValuesField(Schema.MANIFEST_VERIFIED_AT, e.verifiedAt()));
    d.add(new NumericDocValuesField(Schema.MANIFEST_ITEMS, e.items()));
    d.add(new NumericDocValuesField(Schema.MANIFEST_PROBLEMS, e.problems()));
    d.add(new NumericDocValuesField(Schema.MANIFEST_FAILED, e.failed() ? 1 : 0));
    for (String id : new java.util.LinkedHashSet<>(e.stories())) {
      d.add(new StringField(Schema.MANIFEST_STORY, id, Field.Store.NO));
    }
    d.add(new StoredField(Schema.MANIFEST_STORIES, String.join(" ", e.stories())));
    return d;
  }

  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      directory.close();
    }
  }

  /** Keeps the newest commit and the one named {@code keep}; drops commits of runs that died. */
  private static final class KeepNamedAndLatest extends IndexDeletionPolicy {
    private final String keep;

    KeepNamedAndLatest(String keep) {
      this.keep = keep;
    }

    @Override
    public void onInit(List<? extends IndexCommit> commits) throws IOException {
      onCommit(commits);
    }

    @Override
    public void onCommit(List<? extends IndexCommit> commits) throws IOException {
      for (int i = 0; i < commits.size() - 1; i++) {
        IndexCommit c = commits.get(i);
        if (!keep.equals(c.getUserData().get(Manifest.COMMIT_ID))) c.delete();
      }
    }
  }
}
