package io.lede.search;

import io.lede.index.DocumentMapper;
import io.lede.index.Schema;
import io.lede.index.StoryDoc;
import io.lede.index.StorySignature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.TotalHits;

/**
 * Answers {@link SearchRequest}s on a {@link LedeSearcher}: understands the query, ranks with the
 * business signals, counts facets, collapses copies of a story, cuts the page and dresses its hits
 * (highlights, copies, explanations). Stateless apart from its tools; thread-safe.
 */
public final class NewsSearcher {

  /** Fewer hits than this and a spelling suggestion is looked for. */
  static final int FEW_HITS = 5;
  /** Extra ranked hits read past the page, so copies of its stories and capped providers can be found. */
  static final int LOOKAHEAD = 40;
  /** Hits counted while collecting (as Lucene's own default); above it they are counted in a second pass. */
  static final int EXACT_COUNT = 1000;

  private final QueryFactory queries = new QueryFactory();
  private final PageDresser dresser = new PageDresser();
  private final SpellingSuggester spelling = new SpellingSuggester();
  private final TitleSuggester suggester = new TitleSuggester();
  private final StorySignature.Maker signatures = new StorySignature.Maker();
  private final SimilarStories similarStories = new SimilarStories(signatures);
  private final Synonyms synonyms;

  /** A searcher with Lede's bundled synonyms. */
  public NewsSearcher() {
    this(Synonyms.bundled());
  }

  public NewsSearcher(Synonyms synonyms) {
    this.synonyms = synonyms;
  }

  public SearchResponse search(LedeSearcher searcher, SearchRequest request) throws IOException {
    long start = System.nanoTime();
    SearchDeadline deadline = SearchDeadline.of(request.timeLimit());
    RankingProfile profile = request.profile().orElse(RankingProfile.DEFAULT);
    // What was typed decides which words may be typos and how to spell them; the synonyms only widen the match.
    ParsedQuery typed = QuerySyntax.parse(request.query());
    ParsedQuery parsed = synonyms.expand(typed);
    boolean browse = parsed.isBrowse();
    SortOrder order = browse && request.sort() == SortOrder.RELEVANCE ? SortOrder.NEWEST : request.sort();
    SearchCursor cursor = request.cursor().map(SearchCursor::decode).orElse(null);
    if (cursor != null && (cursor.sort() != order || !SortSpec.fits(order, searcher.hasIdKey(), cursor.after()))) {
      throw new InvalidRequestException("cursor", "cursor was made for another sort order than " + order.label());
    }

    // Strict first. Only when that finds nothing: typos allowed in the words that may be typos (the index
    // does not know them, or barely), then most of the words, when there are enough, then any word.
    WordMatch used = WordMatch.ALL_WORDS;
    Run run = execute(searcher, request, profile, order, cursor, parsed, used, Typos.NONE, browse, deadline);
    if (run.total() == 0 && !browse && !deadline.reached()) {
      Set<String> doubtful = doubtfulWords(searcher, typed);
      Typos typos = new TypoExpansions(searcher, doubtful); // each typo expanded once for every fallback
      int words = queries.words(parsed);
      List<WordMatch> fallbacks = new ArrayList<>();
      if (!doubtful.isEmpty()) fallbacks.add(WordMatch.ALL_WORDS_FUZZY);
      if (words >= WordMatch.MOST_WORDS_FROM) fallbacks.add(WordMatch.MOST_WORDS);
      if (words > 1) fallbacks.add(WordMatch.ANY_WORD);
      for (WordMatch mode : fallbacks) {
        used = mode;
        run = execute(searcher, request, profile, order, cursor, parsed, mode, typos, false, deadline);
        if (run.total() > 0) break;
      }
    }

    Optional<String> didYouMean = Optional.empty();
    if (!browse && !deadline.reached() && (run.total() < FEW_HITS || used != WordMatch.ALL_WORDS)) {
      // With a fallback in use, any correction that finds exact matches is better; otherwise it must find more.
      long bar = used == WordMatch.ALL_WORDS ? run.total() : 0;
      // Words the index has, however rarely, are second-guessed only when the words as typed found nothing:
      // checking a word costs about a millisecond, and most few-hit searches are rare words spelled right.
      boolean failedAsTyped = used != WordMatch.ALL_WORDS || run.total() == 0;
      didYouMean = spelling.suggest(searcher.getIndexReader(), request.query(), typed.plainWords(), failedAsTyped)
          .filter(s -> betterSpelling(searcher, request, profile, s, bar));
    }

    PageCutter.Page page = cutPage(searcher, request, profile, order, cursor, run, deadline);
    Run answered = run;
    List<Hit> hits = dresser.dress(searcher, request, page.groups(), answered.highlight(),
        request.explain() ? hit -> explain(searcher, answered, hit) : null);
    Map<String, List<FacetCount>> facets = run.facets() == null
        ? Map.of()
        : FacetReader.read(run.facets(), run.months(), request, searcher::hasFacet);
    return new SearchResponse(request.query(), run.total(), (System.nanoTime() - start) / 1_000_000, request.page(),
        request.size(), page.next().map(SearchCursor::encode), didYouMean, used, deadline.reached(), hits, facets);
  }

  private boolean betterSpelling(LedeSearcher searcher, SearchRequest request, RankingProfile profile, String corrected,
      long mustBeat) {
    try {
      Query text = queries.textQuery(synonyms.expand(QuerySyntax.parse(corrected)), profile, WordMatch.ALL_WORDS);
      Query q = RequestFilters.drillDown(RequestFilters.filtered(text, request, searcher.facetsConfig()), request,
          searcher.facetsConfig());
      return searcher.count(q) > mustBeat;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The query's plain words (lower-cased as the exact fields index them) that may be typos: ones the index
   * does not have, or has in too few stories to take them as meant ({@link SpellingSuggester#mayBeMisspelt}).
   * Words of letters and digits run together are read apart only when the index does not have them.
   */
  private static Set<String> doubtfulWords(LedeSearcher searcher, ParsedQuery parsed) throws IOException {
    Set<String> doubtful = new HashSet<>();
    var reader = searcher.getIndexReader();
    for (String word : parsed.plainWords()) {
      if (QueryFactory.editsFor(word) > 0 ? SpellingSuggester.mayBeMisspelt(reader, word)
          : QueryFactory.lettersAndDigitsApart(word).isPresent() && SpellingSuggester.stories(reader, word) == 0) {
        doubtful.add(word);
      }
    }
    return doubtful;
  }

  /** One search: the ranked window, the total and the facets, for one form of the text query. */
  private record Run(Query text, Query highlight, Query filtered, Query scored, DrillDownQuery query, RankingSignals signals,
      TopFieldDocs top, int window, long total, Facets facets, Facets months) {}

  private Run execute(LedeSearcher searcher, SearchRequest request, RankingProfile profile, SortOrder order,
      SearchCursor cursor, ParsedQuery parsed, WordMatch mode, Typos typos, boolean browse,
      SearchDeadline deadline) throws IOException {
    Query text = queries.textQuery(parsed, profile, mode, typos);
    Query highlight = browse || !request.highlight() ? null : queries.highlightQuery(parsed, mode, typos);
    var config = searcher.facetsConfig();
    Query filtered = RequestFilters.filtered(text, request, config);
    RankingSignals signals = searcher.signals(profile);
    Query scored = profile.textOnly() ? filtered : new SignalBoostQuery(filtered, signals, profile.maxFactor());
    DrillDownQuery query = RequestFilters.drillDown(scored, request, config);
    int window = initialWindow(request, profile, order, cursor);
    Facets facets = null;
    Facets monthCounts = null;
    long total;
    TopFieldDocs top;
    if (request.facets() && searcher.facetState() != null) {
      // One pass: facets need every match, so every match is scored on the way (as a minimal Lucene
      // program does it). Measured against counting first and ranking in a second, pruned pass: the
      // second pass's query set-up and reading the postings twice cost more than the scores it skips.
      // Counted as the hits are collected (FacetedHits), each match's values read once.
      var state = searcher.facetState();
      var monthState = request.years().isEmpty() ? null : searcher.rareFacetState();
      FacetSelection selection = RequestFilters.selection(request);
      List<FacetTally> months = monthState == null || monthState.getOrdRange(Schema.FACET_MONTH) == null ? List.of()
          : List.of(FacetTally.of(monthState, Schema.FACET_MONTH, searcher.monthRuns()));
      // Every match is a hit to rank here: the lean window when it ranks as Lucene's collector would.
      var ranked = RelevanceTopHits.fits(order, searcher.hasIdKey(), cursor)
          ? new RelevanceTopHits(window) : topHits(searcher, order, window, cursor, Integer.MAX_VALUE);
      var collectors = deadline.guard(new FacetedHits(ranked, state, selection, months));
      // With values selected, drill sideways: the other values of a selected dimension are counted as if
      // it were not selected, so the search runs on the query without the selection (FacetedHits tells the
      // hits from the near misses).
      FacetedHits.Result hits = searcher.search(
          selection.isEmpty() ? query : RequestFilters.sidewaysBase(scored, selection, config), collectors);
      facets = SidewaysFacetCounts.of(state, hits.hitCounts(), selection.dims(), hits.nearMissCounts());
      top = hits.top();
      total = top.totalHits.value();
      if (!months.isEmpty()) monthCounts = new OrdinalFacetCounts(monthState, hits.extraCounts().get(0));
    } else {
      // Most queries match fewer than EXACT_COUNT documents: count them while collecting, and only
      // count again, without scores, when there are more.
      top = searcher.search(query, deadline.guard(topHits(searcher, order, window, cursor, Math.max(window, EXACT_COUNT))));
      total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
          ? top.totalHits.value()
          : searcher.search(RequestFilters.drillDown(filtered, request, config),
              deadline.guard(new TotalHitCountCollectorManager(searcher.getSlices())));
    }
    return new Run(text, highlight, filtered, scored, query, signals, top, window, total, facets, monthCounts);
  }

  /**
   * Top hits in {@code order}, counting exactly only as far as the window: beyond it Lucene may skip
   * documents that cannot make the window (block-max WAND by score, or the date index by date).
   */
  private static TopFieldCollectorManager topHits(LedeSearcher searcher, SortOrder order, int window, SearchCursor cursor,
      int countUpTo) {
    return new TopFieldCollectorManager(SortSpec.of(order, searcher.hasIdKey()), window,
        cursor == null ? null : cursor.fieldDoc(), countUpTo);
  }

  private static int initialWindow(SearchRequest request, RankingProfile profile, SortOrder order, SearchCursor cursor) {
    int offset = cursor == null ? (request.page() - 1) * request.size() : 0;
    boolean lookahead = request.collapse() || diversify(profile, order, cursor);
    int window = offset + request.size() + (lookahead ? lookahead(request.size()) : 0);
    window += cursor == null ? 0 : cursor.shown().size();
    // Every page that places stories under the provider cap reads as far as the cap may pull them from.
    int consumed = cursor == null ? 0 : Math.max(0, cursor.consumed());
    return diversify(profile, order, cursor) ? Math.max(window, capHorizon(profile, request.size()) - consumed) : window;
  }

  private static int lookahead(int size) {
    return Math.max(2 * size, LOOKAHEAD);
  }

  /**
   * How far into the ranking the provider cap may pull a story forward from: as far as a first page reads,
   * and at least the lookahead past the capped places. The same for every page of a size, so each orders
   * those places alike, whatever else it reads; a later page reads further, and without the bound it could
   * pull a story forward that the first page never saw, showing another twice.
   */
  private static int capHorizon(RankingProfile profile, int size) {
    return Math.max(size + lookahead(size), profile.diversityWindow() + LOOKAHEAD);
  }

  private static boolean diversify(RankingProfile profile, SortOrder order, SearchCursor cursor) {
    return order == SortOrder.RELEVANCE && profile.diversityWindow() > 0 && profile.maxPerProvider() > 0
        && (cursor == null || cursor.position() < profile.diversityWindow());
  }

  /** Cuts the page, reading a wider window when collapsing left too few stories to fill it. */
  private PageCutter.Page cutPage(LedeSearcher searcher, SearchRequest request, RankingProfile profile, SortOrder order,
      SearchCursor cursor, Run run, SearchDeadline deadline) throws IOException {
    int offset = cursor == null ? (request.page() - 1) * request.size() : 0;
    Set<String> shownBefore = cursor == null ? Set.of() : new HashSet<>(cursor.shown());
    FieldDoc[] docs = fieldDocs(run.top());
    int window = run.window();
    while (true) {
      boolean exhausted = docs.length < window;
      boolean grouping = request.collapse() || diversify(profile, order, cursor);
      List<RankedHit> ranked = RankedHits.read(searcher.getIndexReader(), docs, SortSpec.scoreIndex(order),
          grouping ? signatures : null);
      PageCutter.Page page = PageCutter.cut(ranked, shownBefore, exhausted, offset, request.size(), request.collapse(),
          diversify(profile, order, cursor), capHorizon(profile, request.size()), profile, order, cursor);
      if (!page.needsMore() || window >= SearchRequest.MAX_WINDOW * 2) return page;
      window *= 2;
      docs = fieldDocs(searcher.search(run.query(), deadline.guard(topHits(searcher, order, window, cursor, window))));
    }
  }

  private static FieldDoc[] fieldDocs(TopDocs top) {
    FieldDoc[] out = new FieldDoc[top.scoreDocs.length];
    for (int i = 0; i < out.length; i++) out[i] = (FieldDoc) top.scoreDocs[i];
    return out;
  }

  /**
   * Each factor read from the document, and the text score the hit was ranked with: its score divided by
   * the product it was multiplied by (to a float's precision, what Lucene gives the text query on its own).
   * Scoring the page's hits again for it built the query's weight a second time: a twenty-fifth of a
   * facets+boost search at a million documents.
   */
  private static ScoreExplanation explain(LedeSearcher searcher, Run run, RankedHit hit) throws IOException {
    if (run.scored() == run.filtered()) return new ScoreExplanation(hit.score(), 1, 1, 1, hit.score()); // text only
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc(), leaves));
    int doc = hit.doc() - leaf.docBase;
    RankingSignals.Factors f = run.signals().factors(leaf, doc);
    return new ScoreExplanation(hit.score() / run.signals().product(leaf, doc), f.quality(), f.heat(), f.recency(),
        hit.score());
  }

  public Optional<ItemDetails> item(LedeSearcher searcher, String id) throws IOException {
    Optional<Integer> doc = docOf(searcher, id);
    if (doc.isEmpty()) return Optional.empty();
    StoryDoc story = DocumentMapper.fromStored(searcher.storedFields().document(doc.get()));
    var images = story.story().images().stream().map(i -> new ImageRef(i.url(), i.width(), i.height())).toList();
    return Optional.of(new ItemDetails(HitMapper.toHit(story, 0), story.body(), story.story().alternateUrls(), images,
        story.sources()));
  }

  /** Up to {@code n} stories most like the one with this id; empty when the id is unknown. */
  public List<Hit> similar(LedeSearcher searcher, String id, int n) throws IOException {
    Optional<Integer> doc = docOf(searcher, id);
    if (doc.isEmpty()) return List.of();
    StoryDoc story = DocumentMapper.fromStored(searcher.storedFields().document(doc.get()));
    return similarStories.similar(searcher, doc.get(), story, Math.min(n, SearchRequest.MAX_SIZE));
  }

  /** Up to {@code n} titles completing what the reader is typing. */
  public List<Suggestion> suggest(LedeSearcher searcher, String prefix, int n) throws IOException {
    return suggester.suggest(searcher, prefix == null ? "" : prefix, Math.min(n, SearchRequest.MAX_SIZE));
  }

  private static Optional<Integer> docOf(LedeSearcher searcher, String id) throws IOException {
    if (id == null || id.isBlank()) return Optional.empty();
    TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, id.strip())), 1);
    return top.scoreDocs.length == 0 ? Optional.empty() : Optional.of(top.scoreDocs[0].doc);
  }
}
