package io.lede.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.lede.item.Image;
import io.lede.item.Provider;
import io.lede.item.Story;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link StoryDoc} back from the source JSON the mapper wrote, with a streaming parser. Every
 * search hit goes through here, and Jackson's data binding of records (creator properties buffered,
 * then a reflective constructor call per record) costs several times more than reading the tokens.
 * Anything it does not recognise — a field added to the records later, another shape — makes it give up
 * (returns empty) and the mapper falls back to data binding, so it can never return a partial story.
 */
final class SourceReader {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** Signals a shape this reader does not know; caught at the top, never escapes. */
  private static final class Unknown extends Exception {
    private static final long serialVersionUID = 1L;

    Unknown() {
      super(null, null, false, false);
    }
  }

  private SourceReader() {}

  static Optional<StoryDoc> read(byte[] bytes, int offset, int length) {
    try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      StoryDoc doc = storyDoc(p);
      return p.nextToken() == null ? Optional.of(doc) : Optional.empty();
    } catch (Unknown | IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static StoryDoc storyDoc(JsonParser p) throws IOException, Unknown {
    String id = null, kind = null, category = null, body = null;
    Story story = null;
    List<String> topics = null, sources = null;
    List<ParentRef> parents = null;
    Integer heat = null;
    Boolean published = null;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      switch (name) {
        case "id" -> id = text(p);
        case "kind" -> kind = text(p);
        case "story" -> story = story(p);
        case "category" -> category = text(p);
        case "topics" -> topics = strings(p);
        case "heat" -> heat = integer(p);
        case "published" -> published = bool(p);
        case "body" -> body = text(p);
        case "parents" -> parents = parents(p);
        case "sources" -> sources = strings(p);
        default -> throw new Unknown();
      }
    }
    expect(p.currentToken(), JsonToken.END_OBJECT);
    if (id == null || kind == null || story == null || topics == null || heat == null || published == null
        || parents == null || sources == null) {
      throw new Unknown();
    }
    return new StoryDoc(id, kind, story, category, topics, heat, published, body, parents, sources);
  }

  private static Story story(JsonParser p) throws IOException, Unknown {
    expect(p.nextToken(), JsonToken.START_OBJECT);
    String title = null, excerpt = null, url = null;
    Optional<Instant> publishedAt = Optional.empty();
    List<String> alternateUrls = null;
    Provider provider = null;
    Integer quality = null;
    List<Image> images = null;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      switch (name) {
        case "title" -> title = text(p);
        case "excerpt" -> excerpt = text(p);
        case "publishedAt" -> {
          String at = text(p);
          if (at != null) {
            Instant fast = IsoInstantDeserializer.parse(at);
            publishedAt = Optional.of(fast != null ? fast : Instant.parse(at));
          }
        }
        case "url" -> url = text(p);
        case "alternateUrls" -> alternateUrls = strings(p);
        case "provider" -> provider = provider(p);
        case "quality" -> quality = integer(p);
        case "images" -> images = images(p);
        default -> throw new Unknown();
      }
    }
    if (quality == null || alternateUrls == null || images == null) throw new Unknown();
    return new Story(title, excerpt, publishedAt, url, alternateUrls, provider, quality, images);
  }

  private static Provider provider(JsonParser p) throws IOException, Unknown {
    if (p.nextToken() == JsonToken.VALUE_NULL) return null;
    expect(p.currentToken(), JsonToken.START_OBJECT);
    String name = null, domain = null;
    for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
      switch (field) {
        case "name" -> name = text(p);
        case "domain" -> domain = text(p);
        default -> throw new Unknown();
      }
    }
    return new Provider(name, domain);
  }

  private static List<Image> images(JsonParser p) throws IOException, Unknown {
    expect(p.nextToken(), JsonToken.START_ARRAY);
    List<Image> out = new ArrayList<>(2);
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String url = null, title = null;
      Integer width = null, height = null;
      Boolean cached = null;
      for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
        switch (field) {
          case "url" -> url = text(p);
          case "width" -> width = integer(p);
          case "height" -> height = integer(p);
          case "title" -> title = text(p);
          case "cached" -> cached = bool(p);
          default -> throw new Unknown();
        }
      }
      if (width == null || height == null || cached == null) throw new Unknown();
      out.add(new Image(url, width, height, title, cached));
    }
    expect(p.currentToken(), JsonToken.END_ARRAY);
    return out;
  }

  private static List<ParentRef> parents(JsonParser p) throws IOException, Unknown {
    expect(p.nextToken(), JsonToken.START_ARRAY);
    List<ParentRef> out = new ArrayList<>(1);
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String id = null, title = null, url = null;
      for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
        switch (field) {
          case "id" -> id = text(p);
          case "title" -> title = text(p);
          case "url" -> url = text(p);
          default -> throw new Unknown();
        }
      }
      out.add(new ParentRef(id, title, url));
    }
    expect(p.currentToken(), JsonToken.END_ARRAY);
    return out;
  }

  private static List<String> strings(JsonParser p) throws IOException, Unknown {
    expect(p.nextToken(), JsonToken.START_ARRAY);
    List<String> out = new ArrayList<>(4);
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      expect(t, JsonToken.VALUE_STRING);
      out.add(p.getText());
    }
    return out;
  }

  private static String text(JsonParser p) throws IOException, Unknown {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NULL) return null;
    expect(t, JsonToken.VALUE_STRING);
    return p.getText();
  }

  private static Integer integer(JsonParser p) throws IOException, Unknown {
    expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
    return p.getIntValue();
  }

  private static Boolean bool(JsonParser p) throws IOException, Unknown {
    JsonToken t = p.nextToken();
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) throw new Unknown();
    return t == JsonToken.VALUE_TRUE;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws Unknown {
    if (actual != expected) throw new Unknown();
  }
}
