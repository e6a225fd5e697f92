package io.lede.search;

import io.lede.index.DocumentMapper;
import io.lede.index.Schema;
import io.lede.index.StoryDoc;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** Answers {@link SearchRequest}s against a searcher: plain multi-field BM25 for now. */
public final class NewsSearcher {

  private static final Map<String, Float> FIELDS = Map.of(Schema.TITLE, 3f, Schema.EXCERPT, 1f, Schema.BODY, 0.5f);

  public SearchResponse search(IndexSearcher searcher, SearchRequest request) throws IOException {
    long start = System.nanoTime();
    Query query = parse(request.query());
    int offset = (request.page() - 1) * request.size();
    TopDocs top = searcher.search(query, offset + request.size());
    List<Hit> hits = new java.util.ArrayList<>();
    ScoreDoc[] docs = top.scoreDocs;
    for (int i = offset; i < docs.length; i++) {
      StoryDoc doc = DocumentMapper.fromStored(searcher.storedFields().document(docs[i].doc));
      hits.add(HitMapper.toHit(doc, docs[i].score));
    }
    return new SearchResponse(request.query(), top.totalHits.value(), (System.nanoTime() - start) / 1_000_000,
        request.page(), request.size(), Optional.empty(), Optional.empty(), false, hits, Map.of());
  }

  public Optional<ItemDetails> item(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(Schema.ID, id)), 1);
    if (top.scoreDocs.length == 0) return Optional.empty();
    StoryDoc doc = DocumentMapper.fromStored(searcher.storedFields().document(top.scoreDocs[0].doc));
    var images = doc.story().images().stream().map(i -> new ImageRef(i.url(), i.width(), i.height())).toList();
    return Optional.of(new ItemDetails(HitMapper.toHit(doc, 0), doc.body(), doc.story().alternateUrls(), images, doc.sources()));
  }

  /** Placeholder until More-Like-This lands: stories sharing the title's words. */
  public List<Hit> similar(IndexSearcher searcher, String id, int n) throws IOException {
    Optional<ItemDetails> item = item(searcher, id);
    if (item.isEmpty()) return List.of();
    SearchResponse r = search(searcher, SearchRequest.builder().query(QueryParser.escape(item.get().hit().title()))
        .size(Math.min(SearchRequest.MAX_SIZE, n + 1)).build());
    return r.hits().stream().filter(h -> !h.id().equals(id)).limit(n).toList();
  }

  /** Placeholder until the infix suggester lands: titles of the best prefix matches. */
  public List<Suggestion> suggest(IndexSearcher searcher, String prefix, int n) throws IOException {
    if (prefix.isBlank()) return List.of();
    SearchResponse r = search(searcher, SearchRequest.builder().query(QueryParser.escape(prefix.strip()) + "*").size(n).build());
    return r.hits().stream().map(h -> new Suggestion(h.title(), h.id())).toList();
  }

  static Query parse(String text) {
    if (text.isBlank()) return new MatchAllDocsQuery();
    MultiFieldQueryParser parser = new MultiFieldQueryParser(
        FIELDS.keySet().toArray(String[]::new), Schema.analyzer(), FIELDS);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      try {
        return parser.parse(QueryParser.escape(text));
      } catch (ParseException again) {
        return new MatchAllDocsQuery();
      }
    }
  }
}
