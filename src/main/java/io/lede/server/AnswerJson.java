package io.lede.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lede.search.SearchResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The JSON of answers the result cache holds, written once per answer rather than once per request:
 * for an answer that is already known, writing ten hits with their highlights, six facet lists and
 * explanations costs more than everything else the request does.
 *
 * <p>Keyed by the answer object itself (the result cache hands out the same object for as long as it
 * keeps it), weakly: when the cache drops an answer, or a new searcher starts with an empty cache, the
 * JSON goes with it, so it can never be staler than the answer. Bounded by its bytes as well.
 *
 * <p>The gzip form is kept too, made the first time a client asks for it: most clients do (browsers
 * always), and compressing an answer costs twice what sending it does.
 */
final class AnswerJson {
  static final long MAX_BYTES = 64L << 20;

  private final ObjectMapper mapper;
  private final Cache<SearchResponse, Written> written;

  /** One answer's JSON, and its gzip form once asked for. */
  static final class Written {
    private final byte[] json;
    private volatile byte[] gzip;

    private Written(byte[] json) {
      this.json = json;
    }

    byte[] json() {
      return json;
    }

    /** The JSON gzipped; a race may compress twice, never wrongly. */
    byte[] gzip() {
      byte[] g = gzip;
      if (g == null) gzip = g = compress(json);
      return g;
    }
  }

  AnswerJson(ObjectMapper mapper) {
    this.mapper = mapper;
    this.written = Caffeine.newBuilder()
        .weakKeys() // identity, and gone with the answer
        .maximumWeight(MAX_BYTES)
        .<SearchResponse, Written>weigher((answer, w) -> w.json.length)
        .executor(Runnable::run)
        .build();
  }

  /** The JSON of {@code answer}, written now unless it was before. */
  Written of(SearchResponse answer) {
    return written.get(answer, this::write);
  }

  private Written write(SearchResponse answer) {
    try {
      return new Written(mapper.writeValueAsBytes(answer));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] compress(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array stream does not fail
    }
    return out.toByteArray();
  }
}
