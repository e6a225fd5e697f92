package io.lede.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lede.search.SearchResponse;
import java.io.UncheckedIOException;

/**
 * The JSON of answers the result cache holds, written once per answer rather than once per request:
 * for an answer that is already known, writing ten hits with their highlights, six facet lists and
 * explanations costs more than everything else the request does.
 *
 * <p>Keyed by the answer object itself (the result cache hands out the same object for as long as it
 * keeps it), weakly: when the cache drops an answer, or a new searcher starts with an empty cache, the
 * JSON goes with it, so it can never be staler than the answer. Bounded by its bytes as well.
 */
final class AnswerJson {
  static final long MAX_BYTES = 64L << 20;

  private final ObjectMapper mapper;
  private final Cache<SearchResponse, byte[]> written;

  AnswerJson(ObjectMapper mapper) {
    this.mapper = mapper;
    this.written = Caffeine.newBuilder()
        .weakKeys() // identity, and gone with the answer
        .maximumWeight(MAX_BYTES)
        .<SearchResponse, byte[]>weigher((answer, json) -> json.length)
        .executor(Runnable::run)
        .build();
  }

  /** The JSON of {@code answer}, written now unless it was before. */
  byte[] of(SearchResponse answer) {
    return written.get(answer, this::write);
  }

  private byte[] write(SearchResponse answer) {
    try {
      return mapper.writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
