package io.lede.search;

import io.lede.index.DocumentMapper;
import io.lede.index.StoryDoc;
import io.lede.search.StoryCollapser.Group;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * Turns the stories of one page into {@link Hit}s: each story's source loaded, its title and excerpt
 * highlighted, its copies listed under {@code alsoFrom}, its score explained when asked. Only the page
 * is dressed, never the ranked window around it.
 */
final class PageDresser {

  /** Explains one hit's score. */
  interface Explainer {
    ScoreExplanation explain(RankedHit hit) throws IOException;
  }

  private final HitHighlighter highlighter = new HitHighlighter();

  /**
   * @param highlight the highlighter's query; null for escaped text without marks
   * @param explainer null unless the request asked for explanations
   */
  List<Hit> dress(LedeSearcher searcher, SearchRequest request, List<Group> groups, Query highlight, Explainer explainer)
      throws IOException {
    var stored = searcher.storedFields();
    int n = groups.size();
    StoryDoc[] docs = new StoryDoc[n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = groups.get(i).head().doc();
      docs[i] = DocumentMapper.fromStored(stored.document(ids[i], DocumentMapper.SOURCE_ONLY));
    }
    Highlights[] marked;
    if (request.highlight() && highlight != null) {
      String[] titles = new String[n], excerpts = new String[n];
      for (int i = 0; i < n; i++) {
        titles[i] = docs[i].story().title();
        excerpts[i] = docs[i].story().excerpt();
      }
      marked = highlighter.highlight(searcher, highlight, ids, titles, excerpts);
    } else {
      marked = new Highlights[n];
      for (int i = 0; i < n; i++) marked[i] = HitHighlighter.plain(docs[i].story().title(), docs[i].story().excerpt());
    }
    List<Hit> hits = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Group g = groups.get(i);
      List<AlsoFrom> alsoFrom = new ArrayList<>(g.members().size());
      for (RankedHit m : g.members()) {
        alsoFrom.add(HitMapper.alsoFrom(DocumentMapper.fromStored(stored.document(m.doc(), DocumentMapper.SOURCE_ONLY))));
      }
      Optional<ScoreExplanation> explain = explainer == null ? Optional.empty() : Optional.of(explainer.explain(g.head()));
      hits.add(HitMapper.toHit(docs[i], g.head().score(), marked[i], alsoFrom, explain));
    }
    return hits;
  }
}
