package io.lede.index;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.facet.FacetsConfig;

/**
 * The one place that names Lede's index fields, facet dimensions and analyzers. Everything that
 * writes or reads the index goes through these names; no other class spells a field name.
 */
public final class Schema {

  // Identity and provenance.
  /** Story id (16 hex digits from the normalised URL): exact-match term, stored, sorted doc values. */
  public static final String ID = "id";
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
  /** Hierarchical: year, then two-digit month. */
  public static final String FACET_DATE = "date";
  /** The curator's published flag: "true" or "false". */
  public static final String FACET_PUBLISHED = "published";

  public static final List<String> FLAT_FACETS =
      List.of(FACET_TOPIC, FACET_PROVIDER, FACET_CATEGORY, FACET_KIND, FACET_PUBLISHED);

  /** Commit user-data keys written by the index builder. */
  public static final String COMMIT_STATS = "lede.stats";

  private Schema() {}

  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(FACET_TOPIC, true);
    config.setHierarchical(FACET_DATE, true);
    return config;
  }

  /** English analysis for the text fields; plain lower-cased words (no stemming, no stop words) for the exact ones. */
  public static Analyzer analyzer() {
    Analyzer plain = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    return new PerFieldAnalyzerWrapper(
        new EnglishAnalyzer(),
        Map.of(TITLE_EXACT, plain, TEXT_EXACT, plain, PROVIDER_TEXT, plain, TOPIC_TEXT, plain));
  }
}
