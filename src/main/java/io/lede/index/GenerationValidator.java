package io.lede.index;

import io.lede.index.ValidationReport.Check;
import io.lede.index.ValidationReport.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Decides whether a freshly built generation may replace the live one. Every check runs (a report
 * that names all failures at once saves an operator a round trip), and each says what it measured.
 *
 * <p>Canary queries run on a plain Lucene searcher over the new generation with Lucene's forgiving
 * {@link SimpleQueryParser} (all words required, over the text fields), not through the search layer:
 * the index must not depend on the code that reads it, and "does the word reach the index" is the
 * question a canary asks.
 */
public final class GenerationValidator {

  private static final Map<String, Float> CANARY_FIELDS = Map.of(
      Schema.TITLE, 1f, Schema.EXCERPT, 1f, Schema.BODY, 1f, Schema.PROVIDER_TEXT, 1f, Schema.TOPIC_TEXT, 1f);

  private final ValidationPolicy policy;

  public GenerationValidator(ValidationPolicy policy) {
    this.policy = policy;
  }

  /**
   * Checks the generation in {@code candidate} built by {@code report}, against {@code live} (the
   * live generation's name and directory) when there is one.
   */
  public ValidationReport validate(Path candidate, BuildReport report, Optional<String> liveName, Optional<Path> live)
      throws IOException {
    long start = System.nanoTime();
    List<Check> checks = new ArrayList<>();
    Check integrity = checkIndex(candidate);
    checks.add(integrity);
    if (integrity.outcome() == Outcome.FAILED) {
      // A broken segment may not even open (a corrupt doc-values header fails its checksum on open).
      checks.add(new Check("documents", Outcome.SKIPPED, "the index failed check_index"));
      checks.add(new Check("canaries", Outcome.SKIPPED, "the index failed check_index"));
    } else {
      try (Directory dir = FSDirectory.open(candidate); DirectoryReader reader = DirectoryReader.open(dir)) {
        checks.add(documents(reader.numDocs(), liveName, live));
        checks.add(canaries(new IndexSearcher(reader)));
      }
    }
    checks.add(problemShare(report));
    if (policy.strict()) {
      int n = report.problems().size();
      checks.add(new Check("strict", n == 0 ? Outcome.PASSED : Outcome.FAILED,
          n == 0 ? "no problems" : n + " problem(s) in " + report.filesWithProblems() + " file(s) and --strict forbids any"));
    }
    return new ValidationReport(checks, (System.nanoTime() - start) / 1_000_000);
  }

  private Check checkIndex(Path candidate) throws IOException {
    if (policy.checkIndexLevel() == 0) return new Check("check_index", Outcome.SKIPPED, "disabled");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Directory dir = FSDirectory.open(candidate); CheckIndex checker = new CheckIndex(dir)) {
      checker.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
      checker.setThreadCount(Math.max(1, Runtime.getRuntime().availableProcessors()));
      checker.setLevel(policy.checkIndexLevel());
      CheckIndex.Status status = checker.checkIndex();
      if (status.clean) {
        return new Check("check_index", Outcome.PASSED,
            status.numSegments + " segment(s) clean at level " + policy.checkIndexLevel());
      }
      return new Check("check_index", Outcome.FAILED, "Lucene CheckIndex found a broken index: "
          + lastLines(log.toString(StandardCharsets.UTF_8), 5));
    } catch (IOException | RuntimeException e) {
      return new Check("check_index", Outcome.FAILED, "Lucene CheckIndex could not read the index: " + e);
    }
  }

  private Check documents(long documents, Optional<String> liveName, Optional<Path> live) throws IOException {
    if (documents == 0) return new Check("documents", Outcome.FAILED, "the new generation holds no documents");
    if (live.isEmpty()) return new Check("documents", Outcome.PASSED, documents + " documents (no live generation to compare)");
    long liveDocs;
    try (Directory dir = FSDirectory.open(live.get()); DirectoryReader reader = DirectoryReader.open(dir)) {
      liveDocs = reader.numDocs();
    }
    double drop = liveDocs == 0 ? 0 : (liveDocs - documents) / (double) liveDocs;
    String detail = String.format("%d documents vs %d in live generation %s (%s%.1f%%); a drop of at most %.0f%% is allowed",
        documents, liveDocs, liveName.orElse("?"), drop > 0 ? "-" : "+", Math.abs(drop) * 100, policy.maxDocumentDrop() * 100);
    return new Check("documents", drop > policy.maxDocumentDrop() ? Outcome.FAILED : Outcome.PASSED, detail);
  }

  private Check canaries(IndexSearcher searcher) throws IOException {
    if (policy.canaries().isEmpty()) return new Check("canaries", Outcome.SKIPPED, "no canary queries configured");
    SimpleQueryParser parser = new SimpleQueryParser(Schema.analyzer(), CANARY_FIELDS);
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    Map<String, Integer> hits = new LinkedHashMap<>();
    List<String> empty = new ArrayList<>();
    for (String q : policy.canaries()) {
      var query = parser.parse(q);
      int n = query == null ? 0 : searcher.count(query);
      hits.put(q, n);
      if (n == 0) empty.add('"' + q + '"');
    }
    if (empty.isEmpty()) return new Check("canaries", Outcome.PASSED, hits.size() + " canary queries each found documents");
    return new Check("canaries", Outcome.FAILED,
        empty.size() + " of " + hits.size() + " canary queries found nothing: " + String.join(", ", empty));
  }

  private Check problemShare(BuildReport report) {
    if (report.filesRead() == 0) return new Check("problem_share", Outcome.FAILED, "no files were read");
    double share = report.filesWithProblems() / (double) report.filesRead();
    String detail = String.format("%d of %d files (%.1f%%) have problems, %d unreadable; at most %.1f%% allowed",
        report.filesWithProblems(), report.filesRead(), share * 100, report.filesFailed(), policy.maxProblemShare() * 100);
    return new Check("problem_share", share > policy.maxProblemShare() ? Outcome.FAILED : Outcome.PASSED, detail);
  }

  private static String lastLines(String text, int n) {
    String[] lines = text.strip().split("\n");
    return String.join(" | ", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - n), lines.length));
  }
}
