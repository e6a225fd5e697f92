package io.lede.search;

import io.lede.index.DocumentMapper;
import io.lede.index.Schema;
import io.lede.index.StoryDoc;
import io.lede.index.StorySignature;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * "More like this" for one story: Lucene's {@link MoreLikeThis} picks the story's most telling words
 * (by tf-idf) from its title, excerpt and body, the title's words counting double; the matches are
 * ranked with the default ranking profile and collapsed, and copies of the story itself (the same news
 * from another provider) are left out — they are the story, not stories like it.
 */
final class SimilarStories {

  static final int MAX_QUERY_TERMS = 25;
  static final float TITLE_BOOST = 2f;

  private final StorySignature.Maker signatures;

  SimilarStories(StorySignature.Maker signatures) {
    this.signatures = signatures;
  }

  List<Hit> similar(LedeSearcher searcher, int docId, StoryDoc item, int n) throws IOException {
    if (n <= 0) return List.of();
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(Schema.analyzer());
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(MAX_QUERY_TERMS);
    mlt.setBoost(true);
    mlt.setFieldNames(new String[] {Schema.TITLE});
    Query title = mlt.like(Schema.TITLE, new StringReader(item.story().title()));
    mlt.setFieldNames(new String[] {Schema.EXCERPT, Schema.BODY});
    Query text = mlt.like(Schema.EXCERPT, new StringReader(item.story().excerpt() + "\n" + item.body()));

    BooleanQuery.Builder like = new BooleanQuery.Builder()
        .add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD)
        .add(text, Occur.SHOULD)
        .add(new TermQuery(new Term(Schema.ID, item.id())), Occur.MUST_NOT);
    like.setMinimumNumberShouldMatch(1);
    Query ranked = new SignalBoostQuery(like.build(), searcher.signals(RankingProfile.DEFAULT), RankingProfile.DEFAULT.maxFactor());
    TopDocs top = searcher.search(ranked, n * 4 + 10);

    StorySignature self = signatures.of(item.story().provider().name(), item.story().title(), item.story().excerpt());
    RankedHit selfHit = new RankedHit(-1, docId, item.id(), 0, new Object[0], self,
        item.story().publishedAt().map(java.time.Instant::toEpochMilli).orElse(null));
    List<Hit> out = new ArrayList<>(n);
    List<RankedHit> shown = new ArrayList<>();
    var stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      StoryDoc doc = DocumentMapper.fromStored(stored.document(sd.doc));
      RankedHit candidate = new RankedHit(out.size(), sd.doc, doc.id(), sd.score, new Object[0],
          signatures.of(doc.story().provider().name(), doc.story().title(), doc.story().excerpt()),
          doc.story().publishedAt().map(java.time.Instant::toEpochMilli).orElse(null));
      if (StoryCollapser.sameStory(selfHit, candidate)) continue;
      if (shown.stream().anyMatch(s -> StoryCollapser.sameStory(s, candidate))) continue;
      shown.add(candidate);
      out.add(HitMapper.toHit(doc, sd.score));
      if (out.size() == n) break;
    }
    return out;
  }
}
