package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantDeserializerTest {

  @ParameterizedTest
  @ValueSource(strings = {"2020-01-30T02:19:00Z", "1987-03-02T14:05:59.5Z", "2021-12-31T23:59:59.123456789Z",
      "2000-02-29T00:00:00Z", "1969-12-31T23:59:59.001Z"})
  void parsesWhatInstantParses(String text) {
    assertEquals(Instant.parse(text), IsoInstantDeserializer.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2020-01-30", "2020-01-30T02:19:00+01:00", "2020-13-30T02:19:00Z", "2021-02-29T00:00:00Z",
      "2020-01-30T02:19:00.Z", "20x0-01-30T02:19:00Z", "2020-01-30T02:19:00.1234567890Z"})
  void leavesOtherShapesToTheFallback(String text) {
    assertNull(IsoInstantDeserializer.parse(text));
  }

  @Test
  void theMapperUsesIt() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
        .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
        .registerModule(IsoInstantDeserializer.module());
    assertEquals(Instant.parse("2020-01-30T02:19:00Z"), mapper.readValue("\"2020-01-30T02:19:00Z\"", Instant.class));
    assertEquals(Instant.parse("2020-01-30T01:19:00Z"), mapper.readValue("\"2020-01-30T02:19:00+01:00\"", Instant.class));
    assertEquals(Instant.ofEpochMilli(1234), mapper.readValue("1234", Instant.class));
  }
}
