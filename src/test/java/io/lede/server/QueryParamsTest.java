package io.lede.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lede.search.InvalidRequestException;
import io.lede.search.SearchRequest;
import io.lede.search.SortOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query string to SearchRequest, without a server. */
class QueryParamsTest {

  @Test
  void aBareDateSpansTheWholeDayInUtc() {
    SearchRequest r = SearchParams.parse(Map.of("from", List.of("2020-01-30"), "to", List.of("2020-01-30")));
    assertEquals(Instant.parse("2020-01-30T00:00:00Z"), r.from().orElseThrow());
    assertEquals(Instant.parse("2020-01-30T23:59:59.999999999Z"), r.to().orElseThrow());
  }

  @Test
  void instantsWithOffsetsAndLocalDateTimesAreRead() {
    SearchRequest r = SearchParams.parse(Map.of("from", List.of("2020-01-30T16:13:00+01:00"), "to", List.of("2020-02-01T08:00:00")));
    assertEquals(Instant.parse("2020-01-30T15:13:00Z"), r.from().orElseThrow());
    assertEquals(Instant.parse("2020-02-01T08:00:00Z"), r.to().orElseThrow());
  }

  @Test
  void repeatedParametersAreAlternativesAndBlanksAreDropped() {
    SearchRequest r = SearchParams.parse(Map.of("topic", List.of("AI", " ", "Computer Vision"), "kind", List.of("article"),
        "sort", List.of("Newest"), "explain", List.of("TRUE"), "collapse", List.of("false"), "minQuality", List.of("40")));
    assertEquals(List.of("AI", "Computer Vision"), r.topics());
    assertEquals(List.of("article"), r.kinds());
    assertEquals(SortOrder.NEWEST, r.sort());
    assertEquals(true, r.explain());
    assertEquals(false, r.collapse());
    assertEquals(40, r.minQuality().getAsInt());
    assertEquals(true, r.facets());
    assertEquals(true, r.highlight());
  }

  @Test
  void facetsAndHighlightingCanBeSwitchedOff() {
    SearchRequest r = SearchParams.parse(Map.of("facets", List.of("false"), "highlight", List.of("false")));
    assertEquals(false, r.facets());
    assertEquals(false, r.highlight());
    assertEquals("highlight", assertThrows(InvalidRequestException.class,
        () -> SearchParams.parse(Map.of("highlight", List.of("maybe")))).parameter());
  }

  @Test
  void unreadableValuesNameTheirParameter() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> SearchParams.parse(Map.of("minQuality", List.of("9999999999"))));
    assertEquals("minQuality", e.parameter());
    assertEquals("to", assertThrows(InvalidRequestException.class,
        () -> SearchParams.parse(Map.of("to", List.of("30/01/2020")))).parameter());
  }
}
