package io.lede.index;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** The only code that knows how a {@link StoryDoc} becomes Lucene fields, and back. */
public final class DocumentMapper {

  /**
   * Text with offsets in the postings, so the UnifiedHighlighter needs no re-analysis. Not stored: the
   * highlighter is handed the text from the source JSON, and a second copy would make every stored
   * document larger to write and to decompress.
   */
  private static final FieldType HIGHLIGHTED_TEXT = new FieldType(TextField.TYPE_NOT_STORED);
  /** Searchable text that is never shown on its own (it is in the source JSON). */
  private static final FieldType SEARCH_ONLY_TEXT = new FieldType(TextField.TYPE_NOT_STORED);
  /** Word prefixes for autocompletion: only whether a title has one matters, so no frequencies or positions. */
  private static final FieldType PREFIXES = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    HIGHLIGHTED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    HIGHLIGHTED_TEXT.freeze();
    SEARCH_ONLY_TEXT.freeze();
    PREFIXES.setIndexOptions(IndexOptions.DOCS);
    PREFIXES.freeze();
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule())
      .registerModule(IsoInstantDeserializer.module())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final FacetsConfig facets = Schema.facetsConfig();
  /** The writer's own analysis, run here for the fields whose tokens the signature needs as well. */
  private final Analyzer analyzer = Schema.analyzer();

  /** The document for {@code doc}, with facet fields already built. */
  public Document toDocument(StoryDoc doc) throws IOException {
    var story = doc.story();
    Document d = new Document();
    d.add(new StringField(Schema.ID, doc.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(Schema.ID, new BytesRef(doc.id())));
    idKey(doc.id()).ifPresent(key -> d.add(new NumericDocValuesField(Schema.ID_KEY, key)));
    for (ParentRef parent : doc.parents()) d.add(new StringField(Schema.PARENT, parent.id(), Field.Store.NO));

    AnalyzedText title = AnalyzedText.of(analyzer, Schema.TITLE, story.title());
    AnalyzedText excerpt = AnalyzedText.of(analyzer, Schema.EXCERPT, story.excerpt());
    d.add(new Field(Schema.TITLE, title.tokenStream(), HIGHLIGHTED_TEXT));
    d.add(new Field(Schema.EXCERPT, excerpt.tokenStream(), HIGHLIGHTED_TEXT));
    if (!doc.body().isEmpty()) d.add(new Field(Schema.BODY, doc.body(), SEARCH_ONLY_TEXT));
    d.add(new Field(Schema.TITLE_EXACT, story.title(), SEARCH_ONLY_TEXT));
    d.add(new Field(Schema.TEXT_EXACT, story.excerpt(), SEARCH_ONLY_TEXT));
    if (!doc.body().isEmpty()) d.add(new Field(Schema.TEXT_EXACT, doc.body(), SEARCH_ONLY_TEXT));
    d.add(new Field(Schema.PROVIDER_TEXT, story.provider().name() + " " + story.provider().domain(), SEARCH_ONLY_TEXT));
    d.add(new Field(Schema.TITLE_SUGGEST, story.title(), PREFIXES));
    d.add(new BinaryDocValuesField(Schema.STORY_SIGNATURE,
        StorySignature.Maker.fromWords(story.provider().name(), title.terms(), excerpt.terms()).encode()));

    d.add(new NumericDocValuesField(Schema.QUALITY, story.quality()));
    d.add(new LongPoint(Schema.QUALITY, story.quality()));
    d.add(new NumericDocValuesField(Schema.HEAT, doc.heat()));
    d.add(new LongPoint(Schema.HEAT, doc.heat()));
    story.publishedAt().ifPresent(at -> {
      long millis = at.toEpochMilli();
      d.add(new NumericDocValuesField(Schema.PUBLISHED_AT, millis));
      d.add(new LongPoint(Schema.PUBLISHED_AT, millis));
      ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
      d.add(new SortedSetDocValuesFacetField(Schema.FACET_YEAR, String.valueOf(utc.getYear())));
      d.add(new SortedSetDocValuesFacetField(Schema.FACET_MONTH, String.format("%04d-%02d", utc.getYear(), utc.getMonthValue())));
    });

    for (String topic : doc.topics()) {
      d.add(new Field(Schema.TOPIC_TEXT, topic, SEARCH_ONLY_TEXT));
      d.add(new SortedSetDocValuesFacetField(Schema.FACET_TOPIC, topic));
    }
    d.add(new SortedSetDocValuesFacetField(Schema.FACET_PROVIDER, story.provider().name()));
    if (!doc.category().isEmpty()) d.add(new SortedSetDocValuesFacetField(Schema.FACET_CATEGORY, doc.category()));
    d.add(new SortedSetDocValuesFacetField(Schema.FACET_KIND, doc.kind()));
    d.add(new SortedSetDocValuesFacetField(Schema.FACET_PUBLISHED, String.valueOf(doc.published())));

    d.add(new StoredField(Schema.SOURCE, JSON.writeValueAsBytes(doc)));
    return facets.build(d);
  }

  /** The {@link Schema#ID_KEY} of an id: its 16 hex digits as a number; empty for any other id. */
  public static Optional<Long> idKey(String id) {
    if (id.length() != 16) return Optional.empty();
    try {
      long key = Long.parseUnsignedLong(id, 16);
      return idOfKey(key).equals(id) ? Optional.of(key) : Optional.empty(); // lower-case hex only
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The id an {@link Schema#ID_KEY} was made from. */
  public static String idOfKey(long key) {
    return java.util.HexFormat.of().toHexDigits(key);
  }

  /** The stored fields to load for {@link #fromStored}: a story is rebuilt from its source alone. */
  public static final java.util.Set<String> SOURCE_ONLY = java.util.Set.of(Schema.SOURCE);

  /** The story a stored document holds. */
  public static StoryDoc fromStored(Document stored) {
    BytesRef source = stored.getBinaryValue(Schema.SOURCE);
    if (source == null) throw new IllegalArgumentException("document has no " + Schema.SOURCE + " field");
    Optional<StoryDoc> fast = SourceReader.read(source.bytes, source.offset, source.length);
    if (fast.isPresent()) return fast.get();
    return bound(source);
  }

  /** The story read by Jackson's data binding: the reference {@link SourceReader} must agree with. */
  static StoryDoc bound(BytesRef source) {
    try {
      return JSON.readValue(source.bytes, source.offset, source.length, StoryDoc.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + Schema.SOURCE + " of a Lede document", e);
    }
  }
}
