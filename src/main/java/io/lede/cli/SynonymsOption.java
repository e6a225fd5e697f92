package io.lede.cli;

import io.lede.search.Synonyms;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --synonyms FILE} option of the commands that search. */
final class SynonymsOption {
  @Option(names = "--synonyms", paramLabel = "FILE",
      description = "Synonyms applied to queries, a line of equivalent forms each, Solr's format (default: Lede's bundled list; 'none' for none).")
  private String synonyms;

  /** The synonyms asked for; a malformed file is an {@link IllegalArgumentException} naming the file and line. */
  Synonyms load() throws IOException {
    if (synonyms == null) return Synonyms.bundled();
    if (synonyms.equals("none")) return Synonyms.NONE;
    return Synonyms.load(Path.of(synonyms));
  }
}
