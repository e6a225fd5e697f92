package io.lede.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed, understood: groups that must all match (each a list of alternatives joined by
 * {@code OR}) and units that must not match. Produced by {@link QuerySyntax}; turned into Lucene
 * queries by {@link QueryFactory}.
 *
 * @param required every group must match (one of its alternatives)
 * @param excluded none of these may match
 */
public record ParsedQuery(List<List<Unit>> required, List<Unit> excluded) {

  /** Where a unit is looked for. */
  public enum Target {
    /** Titles, excerpts, bodies, provider and topic names. */
    ALL,
    TITLE,
    PROVIDER,
    TOPIC
  }

  /** One searchable piece: a word, a word prefix or a phrase, in some target. */
  public sealed interface Unit permits Word, Phrase {
    Target target();

    String text();
  }

  /** A word; {@code prefix} when it was typed with a trailing {@code *}. */
  public record Word(Target target, String text, boolean prefix) implements Unit {}

  /** Words that must appear together, in order. */
  public record Phrase(Target target, String text) implements Unit {}

  public ParsedQuery {
    List<List<Unit>> copy = new ArrayList<>();
    for (List<Unit> group : required) copy.add(List.copyOf(group));
    required = List.copyOf(copy);
    excluded = List.copyOf(excluded);
  }

  /** Nothing to match on: browse. */
  public boolean isBrowse() {
    return required.isEmpty();
  }

  /** The plain words of the required groups, as typed (lower-cased), for spelling suggestions. */
  public List<String> plainWords() {
    List<String> words = new ArrayList<>();
    for (List<Unit> group : required) {
      for (Unit u : group) {
        if (u instanceof Word w && !w.prefix() && w.target() != Target.PROVIDER && w.target() != Target.TOPIC) {
          words.add(w.text());
        } else if (u instanceof Phrase p && p.target() != Target.PROVIDER && p.target() != Target.TOPIC) {
          for (String part : p.text().split("\\s+")) if (!part.isEmpty()) words.add(part);
        }
      }
    }
    return words;
  }
}
