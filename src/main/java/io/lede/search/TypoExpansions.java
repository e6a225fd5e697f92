package io.lede.search;

import io.lede.index.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The typos of one search, each expanded once against the searcher's index and reused: by the text query of
 * every fallback that allows typos and by the highlighter, which marks the words found. Expanding a typo builds
 * its edit automaton; a search that fell back through typos, most words and any word built the same automata
 * six to eight times a typo (tens of milliseconds for a few typos, even on a small index).
 *
 * <p>The expansions hold term statistics of this searcher's reader: one instance per search, never shared.
 */
final class TypoExpansions implements Typos {

  private final IndexSearcher searcher;
  private final Set<String> doubtful;
  private final Map<String, Query> expanded = new HashMap<>();

  TypoExpansions(IndexSearcher searcher, Set<String> doubtful) {
    this.searcher = searcher;
    this.doubtful = doubtful;
  }

  @Override
  public boolean mayBe(String word) {
    return doubtful.contains(word);
  }

  @Override
  public Query near(String field, String word, int edits) {
    return expanded.computeIfAbsent(field + '\u0000' + edits + '\u0000' + word, key -> {
      try {
        return searcher.rewrite(Typos.fuzzy(field, word, edits));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public Collection<String> nearWords(String word) {
    int edits = QueryFactory.editsFor(word);
    if (edits == 0) return Set.of();
    Set<Term> terms = new HashSet<>();
    for (String field : List.of(Schema.TITLE_EXACT, Schema.TEXT_EXACT)) {
      near(field, word, edits).visit(QueryVisitor.termCollector(terms));
    }
    Set<String> words = new HashSet<>();
    for (Term t : terms) words.add(t.text());
    return words;
  }
}
