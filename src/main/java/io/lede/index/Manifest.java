package io.lede.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Reads the manifest of a generation: which file gave which stories, with the hash of its content.
 *
 * <p>The manifest is a small Lucene index in the generation's {@value #FOLDER} folder, one document per
 * file. Lucene gives the two lookups the incremental indexer needs for free (file to stories, and story
 * to files through the inverted index) and, above all, <em>commit points</em>: every manifest commit is
 * named ({@value #COMMIT_ID}), and the main index's commit records the name of the manifest commit it
 * matches ({@value #MAIN_REF}). The main commit is therefore the single atomic step that moves both
 * forward; a run killed between the two commits leaves a manifest commit nobody refers to, which the
 * next run ignores. A freshly built generation refers to nothing and means {@value #BUILD_COMMIT}.
 */
public final class Manifest implements Closeable {

  public static final String FOLDER = "lede-manifest";
  /** Manifest commit user data: the commit's name. */
  static final String COMMIT_ID = "lede.manifest.id";
  /** Manifest commit user data: the seeds folder the paths are relative to. */
  static final String SEEDS = "lede.manifest.seeds";
  /** Main index commit user data: the name of the manifest commit it matches. */
  public static final String MAIN_REF = "lede.manifest";
  /** The name of the manifest commit a full build writes. */
  static final String BUILD_COMMIT = "build";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final String commitId;

  private Manifest(Directory directory, DirectoryReader reader, String commitId) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.commitId = commitId;
  }

  /** True when {@code generationDir} has a manifest (generations built before it existed have none). */
  public static boolean exists(Path generationDir) {
    return Files.isDirectory(generationDir.resolve(FOLDER));
  }

  /** Opens the manifest commit named {@code commitId} of the generation in {@code generationDir}. */
  public static Manifest open(Path generationDir, String commitId) throws IOException {
    Directory dir = FSDirectory.open(generationDir.resolve(FOLDER));
    try {
      IndexCommit commit = find(dir, commitId)
          .orElseThrow(() -> new IOException("the manifest of " + generationDir + " has no commit '" + commitId
              + "' (run a full rebuild to start afresh)"));
      return new Manifest(dir, DirectoryReader.open(commit), commitId);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  static Optional<IndexCommit> find(Directory dir, String commitId) throws IOException {
    for (IndexCommit c : DirectoryReader.listCommits(dir)) {
      if (commitId.equals(c.getUserData().get(COMMIT_ID))) return Optional.of(c);
    }
    return Optional.empty();
  }

  public String commitId() {
    return commitId;
  }

  /** The seeds folder recorded by the build, if any. */
  public Optional<String> seeds() throws IOException {
    return Optional.ofNullable(reader.getIndexCommit().getUserData().get(SEEDS));
  }

  /** Every file's entry, by path, without the story ids (read from doc values: fast even for 10^6 files). */
  public Map<String, ManifestEntry> entries() throws IOException {
    Map<String, ManifestEntry> entries = new HashMap<>(reader.numDocs() * 2);
    for (LeafReaderContext leaf : reader.leaves()) {
      var r = leaf.reader();
      Bits live = r.getLiveDocs();
      SortedDocValues path = r.getSortedDocValues(Schema.MANIFEST_PATH);
      if (path == null) continue;
      BinaryDocValues hash = r.getBinaryDocValues(Schema.MANIFEST_HASH);
      NumericDocValues size = r.getNumericDocValues(Schema.MANIFEST_SIZE);
      NumericDocValues mtime = r.getNumericDocValues(Schema.MANIFEST_MTIME);
      NumericDocValues verified = r.getNumericDocValues(Schema.MANIFEST_VERIFIED_AT);
      NumericDocValues items = r.getNumericDocValues(Schema.MANIFEST_ITEMS);
      NumericDocValues problems = r.getNumericDocValues(Schema.MANIFEST_PROBLEMS);
      NumericDocValues failed = r.getNumericDocValues(Schema.MANIFEST_FAILED);
      for (int doc = path.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = path.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        String p = path.lookupOrd(path.ordValue()).utf8ToString();
        hash.advanceExact(doc);
        entries.put(p, new ManifestEntry(p, hash.binaryValue().utf8ToString(), value(size, doc), value(mtime, doc),
            value(verified, doc), (int) value(items, doc), (int) value(problems, doc), value(failed, doc) != 0,
            List.of()));
      }
    }
    return entries;
  }

  private static long value(NumericDocValues values, int doc) throws IOException {
    return values != null && values.advanceExact(doc) ? values.longValue() : 0;
  }

  /** The ids of the stories {@code path} gave, as recorded. */
  public List<String> storiesOf(String path) throws IOException {
    var top = searcher.search(new TermQuery(new Term(Schema.MANIFEST_PATH, path)), 1);
    if (top.scoreDocs.length == 0) return List.of();
    Document d = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Schema.MANIFEST_STORIES));
    String ids = d.get(Schema.MANIFEST_STORIES);
    return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(" "));
  }

  /** The paths of every file that gave the story {@code storyId}. */
  public Set<String> filesHolding(String storyId) throws IOException {
    Set<String> paths = new LinkedHashSet<>();
    TermQuery query = new TermQuery(new Term(Schema.MANIFEST_STORY, storyId));
    int count = searcher.count(query);
    if (count == 0) return paths;
    var top = searcher.search(query, count);
    for (ScoreDoc sd : top.scoreDocs) {
      paths.add(searcher.storedFields().document(sd.doc, Set.of(Schema.MANIFEST_PATH)).get(Schema.MANIFEST_PATH));
    }
    return paths;
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }
}
