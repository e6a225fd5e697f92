package io.lede.server;

import io.lede.search.InvalidRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed reads of a request's query parameters. A value that cannot be read is an
 * {@link InvalidRequestException} naming the parameter, so it answers 400, never 500. Blank values count
 * as absent: {@code ?size=} means the default size.
 */
final class QueryParams {

  private final Map<String, List<String>> params;

  QueryParams(Map<String, List<String>> params) {
    this.params = params;
  }

  /** The first non-blank value of {@code name}, stripped. */
  Optional<String> string(String name) {
    return all(name).stream().findFirst();
  }

  /** Every non-blank value of a repeatable parameter, in order. */
  List<String> all(String name) {
    List<String> values = params.getOrDefault(name, List.of());
    return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }

  OptionalInt integer(String name) {
    Optional<String> value = string(name);
    if (value.isEmpty()) return OptionalInt.empty();
    try {
      return OptionalInt.of(Integer.parseInt(value.get()));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, name + " must be a whole number, not '" + value.get() + "'");
    }
  }

  int integer(String name, int defaultValue) {
    return integer(name).orElse(defaultValue);
  }

  /** An integer within {@code min..max}, for parameters without a domain check of their own. */
  int integer(String name, int defaultValue, int min, int max) {
    int value = integer(name, defaultValue);
    if (value < min || value > max) {
      throw new InvalidRequestException(name, name + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  Optional<Boolean> bool(String name) {
    Optional<String> value = string(name);
    if (value.isEmpty()) return Optional.empty();
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> throw new InvalidRequestException(name, name + " must be true or false, not '" + value.get() + "'");
    };
  }

  boolean bool(String name, boolean defaultValue) {
    return bool(name).orElse(defaultValue);
  }

  /**
   * An instant from an ISO date ({@code 2020-01-30}), date-time with offset ({@code 2020-01-30T16:13:00Z}) or
   * local date-time (read as UTC). A bare date means the start of that day, or its end when
   * {@code endOfDay}, so {@code from=2020-01-30&to=2020-01-30} covers the whole day.
   */
  Optional<Instant> instant(String name, boolean endOfDay) {
    Optional<String> value = string(name);
    if (value.isEmpty()) return Optional.empty();
    String text = value.get();
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return Optional.of(endOfDay
            ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
            : day.atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeException withoutOffset) {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      }
    } catch (DateTimeException e) {
      throw new InvalidRequestException(name,
          name + " must be an ISO date (2020-01-30) or date-time (2020-01-30T16:13:00Z), not '" + text + "'");
    }
  }
}
