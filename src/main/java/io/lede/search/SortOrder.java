package io.lede.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How hits are ordered. */
public enum SortOrder {
  RELEVANCE, NEWEST, OLDEST, QUALITY, HEAT;

  /** Parses a user-supplied name ("newest"); an unknown name is an {@link InvalidRequestException}. */
  public static SortOrder parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("sort", "sort must be one of " + Arrays.stream(values())
          .map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", not '" + name + "'");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
