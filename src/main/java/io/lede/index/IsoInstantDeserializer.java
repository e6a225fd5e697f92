package io.lede.index;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the instants the mapper writes ({@code 2020-01-30T02:19:00Z}, optionally with a fraction)
 * without {@code DateTimeFormatter}, which costs microseconds per value: every search hit is read back
 * from its source JSON, so this is on the query path. Anything else falls back to {@link Instant#parse}.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

  static SimpleModule module() {
    return new SimpleModule("lede-instants").addDeserializer(Instant.class, new IsoInstantDeserializer());
  }

  private IsoInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) return Instant.ofEpochMilli(p.getLongValue());
    if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
      return Instant.ofEpochMilli((long) (p.getDoubleValue() * 1000));
    }
    String s = p.getValueAsString();
    if (s == null) return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
    Instant fast = parse(s);
    return fast != null ? fast : Instant.parse(s);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for any other shape. */
  static Instant parse(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) return null;
      int digits = 0;
      for (int i = 20; i < n - 1; i++, digits++) {
        int d = s.charAt(i) - '0';
        if (d < 0 || d > 9) return null;
        nanos = nanos * 10 + d;
      }
      for (; digits < 9; digits++) nanos *= 10;
    }
    int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
    int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }
}
