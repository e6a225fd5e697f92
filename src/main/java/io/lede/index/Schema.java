package io.lede.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;

/**
 * The one place that names Lede's index fields, facet dimensions and analyzers. Everything that
 * writes or reads the index goes through these names; no other class spells a field name.
 */
public final class Schema {

  // Identity and provenance.
  /** Story id (16 hex digits from the normalised URL): exact-match term, stored, sorted doc values. */
  public static final String ID = "id";
  /**
   * The id's 16 hex digits as one 64-bit number (numeric doc values): the last key of every result sort,
   * so equal scores always come out in one order; far cheaper to compare than the id string.
   */
  public static final String ID_KEY = "id_key";
  /** Ids of the articles a related entry was found under (exact-match terms). */
  public static final String PARENT = "parent";
  /** The whole {@link StoryDoc} as JSON, so a hit can be rendered and the item rebuilt from the index. */
  public static final String SOURCE = "_source";

  // Full text, English analysis (stemmed, stop words removed), stored with offsets for highlighting.
  public static final String TITLE = "title";
  public static final String EXCERPT = "excerpt";
  public static final String BODY = "body";
  // The same text without stemming, so an exact word form can score above a stemmed one.
  public static final String TITLE_EXACT = "title_exact";
  public static final String TEXT_EXACT = "text_exact";
  // Names that a reader may search for: "provider:reuters", "topic:ai".
  public static final String PROVIDER_TEXT = "provider_text";
  public static final String TOPIC_TEXT = "topic_text";
  /** The title's words cut into leading prefixes ("rec", "reco", ...) so autocompletion is one term lookup. */
  public static final String TITLE_SUGGEST = "title_suggest";
  /** Binary doc values: a {@link StorySignature} for collapsing the same story told twice. */
  public static final String STORY_SIGNATURE = "story_signature";

  // Numbers: doc values for ranking and sorting, points for range filters.
  /** Epoch milliseconds of publication; absent when the file gives no date. */
  public static final String PUBLISHED_AT = "published_at";
  /** Quality score, -1 when unknown. */
  public static final String QUALITY = "quality";
  /** Heat score, -1 when unknown (never read as "cold"). */
  public static final String HEAT = "heat";

  // Facet dimensions (SortedSetDocValuesFacetField; drill-down terms double as filters).
  public static final String FACET_TOPIC = "topic";
  public static final String FACET_PROVIDER = "provider";
  public static final String FACET_CATEGORY = "category";
  public static final String FACET_KIND = "kind";
  /** Publication year, "2020". */
  public static final String FACET_YEAR = "year";
  /** Publication month, "2020-01": counted only inside selected years. */
  public static final String FACET_MONTH = "month";
  /** The curator's published flag: "true" or "false"; filtered on, never counted per query. */
  public static final String FACET_PUBLISHED = "published";

  /** The dimensions every search counts, in display order. */
  public static final List<String> COUNTED_FACETS = List.of(FACET_TOPIC, FACET_PROVIDER, FACET_CATEGORY, FACET_KIND, FACET_YEAR);
  /**
   * Doc-values field of the counted dimensions. Counting reads every ordinal of a matching document in
   * its field, so the dimensions a search rarely counts (month, published) live in their own field,
   * {@link #FACET_FIELD_RARE}, and cost nothing when not asked for.
   */
  public static final String FACET_FIELD = "$facets";
  public static final String FACET_FIELD_RARE = "$facets_rare";

  // The manifest: a small Lucene index inside each generation (folder "lede-manifest"), one document per
  // news file, recording what the incremental indexer needs to know about it. Never searched by readers.
  /** The file's path relative to the seeds folder, '/'-separated: exact-match term and sorted doc values. */
  public static final String MANIFEST_PATH = "path";
  /** Content hash of the bytes that were indexed (binary doc values). */
  public static final String MANIFEST_HASH = "hash";
  /** Size in bytes and modification time (epoch nanoseconds) when last hashed: the cheap "unchanged" test. */
  public static final String MANIFEST_SIZE = "size";
  public static final String MANIFEST_MTIME = "mtime";
  /** Epoch milliseconds before the file was last read; an mtime this close means "hash it again". */
  public static final String MANIFEST_VERIFIED_AT = "verified_at";
  /** Stories (articles + related entries) the file gave, its problems, and 1 when it gave no item. */
  public static final String MANIFEST_ITEMS = "items";
  public static final String MANIFEST_PROBLEMS = "problems";
  public static final String MANIFEST_FAILED = "failed";
  /** Ids of the stories the file gave: one exact-match term each ("which files hold story X?"). */
  public static final String MANIFEST_STORY = "story";
  /** The same ids, stored space-separated ("which stories does file F hold?"). */
  public static final String MANIFEST_STORIES = "stories";

  /** Commit user-data keys written by the index builder. */
  public static final String COMMIT_STATS = "lede.stats";

  private Schema() {}

  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(FACET_TOPIC, true);
    for (String dim : COUNTED_FACETS) config.setIndexFieldName(dim, FACET_FIELD);
    config.setIndexFieldName(FACET_MONTH, FACET_FIELD_RARE);
    config.setIndexFieldName(FACET_PUBLISHED, FACET_FIELD_RARE);
    return config;
  }

  /** Longest word prefix indexed in {@link #TITLE_SUGGEST}; a longer typed word is cut to it. */
  public static final int SUGGEST_MAX_PREFIX = 20;

  /**
   * The order a new index keeps its documents in: newest first, undated last. A year's or a month's stories
   * then sit side by side, and so do the stories of one period's providers and topics, so a search reads
   * their doc values and postings from fewer places: at a million stories a default search took 13 – 17 %
   * less time, one filtered to a year 18 – 28 % (bench/RESULTS.md).
   */
  public static Sort indexSort() {
    SortField newest = new SortField(PUBLISHED_AT, SortField.Type.LONG, true);
    newest.setMissingValue(Long.MIN_VALUE);
    return new Sort(newest);
  }

  /** How the writer of a new story index starts: Lede's analysis, {@link LedeCodec}, {@link #indexSort()}. */
  public static IndexWriterConfig writerConfig() {
    return writerConfig(indexSort());
  }

  /**
   * How a writer of the existing index in {@code dir} starts: as {@link #writerConfig()}, in the order that
   * index keeps (Lucene refuses to change it; indexes built before {@link #indexSort()} existed have none).
   */
  public static IndexWriterConfig writerConfigFor(Directory dir) throws IOException {
    SegmentInfos commit = SegmentInfos.readLatestCommit(dir);
    return writerConfig(commit.size() == 0 ? indexSort() : commit.info(0).info.getIndexSort());
  }

  /** @param order null for none */
  private static IndexWriterConfig writerConfig(Sort order) {
    IndexWriterConfig config = new IndexWriterConfig(analyzer()).setCodec(LedeCodec.instance());
    return order == null ? config : config.setIndexSort(order);
  }

  /** The form without dots an acronym written with them is indexed as too ("u.s." as "us"); other words as they are. */
  public static String withoutDots(String word) {
    return DottedAcronymFilter.withoutDots(word);
  }

  /**
   * How documents and queries are analysed: English words (stemmed, without stop words) for the text fields,
   * plain lower-cased words for the exact ones. A word with accents or other marks comes twice at one
   * position, folded to ASCII and as written ("beyonce", "beyoncé"), and so does an acronym written with dots
   * ("us", "u.s"), so that either spelling finds the other; a copy at the same position does not count
   * towards a field's length.
   */
  public static Analyzer analyzer() {
    Analyzer plain = words(false);
    return new PerFieldAnalyzerWrapper(
        words(true),
        Map.of(TITLE_EXACT, plain, TEXT_EXACT, plain, PROVIDER_TEXT, plain, TOPIC_TEXT, plain,
            TITLE_SUGGEST, suggestIndexAnalyzer()));
  }

  /**
   * Lower-cased words; English ones ({@link EnglishAnalyzer}'s chain: possessives, stop words, Porter stems)
   * or plain ones ({@link StandardAnalyzer} without stop words), each dotted acronym with its dotless form and
   * each marked word with its ASCII-folded form.
   */
  private static Analyzer words(boolean english) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer words = new StandardTokenizer();
        TokenStream t = english ? new EnglishPossessiveFilter(words) : words;
        t = new ASCIIFoldingFilter(new DottedAcronymFilter(new LowerCaseFilter(t)), true);
        if (english) t = new PorterStemFilter(new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
        return new TokenStreamComponents(words, t);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
  }

  /** Index side of {@link #TITLE_SUGGEST}: folded lower-case words and every prefix of each (1 to 20 chars). */
  public static Analyzer suggestIndexAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer words = new StandardTokenizer();
        TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(words));
        return new TokenStreamComponents(words, new EdgeNGramTokenFilter(folded, 1, SUGGEST_MAX_PREFIX, true));
      }
    };
  }

  /** Query side of {@link #TITLE_SUGGEST}: the typed words, folded and lower-cased, not cut into prefixes. */
  public static Analyzer suggestQueryAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer words = new StandardTokenizer();
        return new TokenStreamComponents(words, new ASCIIFoldingFilter(new LowerCaseFilter(words)));
      }
    };
  }
}
