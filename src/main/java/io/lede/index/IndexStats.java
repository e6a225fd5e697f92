package io.lede.index;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts a build records in its Lucene commit, so stats are read back without a scan.
 *
 * @param builtAt when the build committed
 */
public record IndexStats(
    long documents, long articles, long related, long duplicatesMerged, long items, int files, int problems,
    int filesFailed, Instant builtAt) {

  private static final String PREFIX = "lede.";
  /** When {@code lede index} last changed the generation (absent when it never did). */
  public static final String UPDATED_AT = PREFIX + "updatedAt";

  static Map<String, String> toCommitData(BuildReport r) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(PREFIX + "documents", String.valueOf(r.documents()));
    data.put(PREFIX + "articles", String.valueOf(r.articles()));
    data.put(PREFIX + "related", String.valueOf(r.related()));
    data.put(PREFIX + "duplicatesMerged", String.valueOf(r.duplicatesMerged()));
    data.put(PREFIX + "items", String.valueOf(r.items()));
    data.put(PREFIX + "files", String.valueOf(r.filesRead()));
    data.put(PREFIX + "problems", String.valueOf(r.problems().size()));
    data.put(PREFIX + "filesFailed", String.valueOf(r.filesFailed()));
    data.put(PREFIX + "builtAt", Instant.now().toString());
    return data;
  }

  /** These stats as commit user data (the inverse of {@link #fromCommitData}). */
  public Map<String, String> toCommitData() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(PREFIX + "documents", String.valueOf(documents));
    data.put(PREFIX + "articles", String.valueOf(articles));
    data.put(PREFIX + "related", String.valueOf(related));
    data.put(PREFIX + "duplicatesMerged", String.valueOf(duplicatesMerged));
    data.put(PREFIX + "items", String.valueOf(items));
    data.put(PREFIX + "files", String.valueOf(files));
    data.put(PREFIX + "problems", String.valueOf(problems));
    data.put(PREFIX + "filesFailed", String.valueOf(filesFailed));
    data.put(PREFIX + "builtAt", builtAt.toString());
    return data;
  }

  /** The stats in a commit's user data; zeros for what an older or foreign index does not record. */
  public static IndexStats fromCommitData(Map<String, String> data) {
    return new IndexStats(
        num(data, "documents"), num(data, "articles"), num(data, "related"), num(data, "duplicatesMerged"),
        num(data, "items"), (int) num(data, "files"), (int) num(data, "problems"), (int) num(data, "filesFailed"),
        data.containsKey(PREFIX + "builtAt") ? Instant.parse(data.get(PREFIX + "builtAt")) : Instant.EPOCH);
  }

  private static long num(Map<String, String> data, String key) {
    String v = data.get(PREFIX + key);
    return v == null ? 0 : Long.parseLong(v);
  }
}
