package io.lede.item;

/** Who published a story: a display name and the web domain it lives on. */
public record Provider(String name, String domain) {
  public static final Provider UNKNOWN = new Provider("Unknown", "");

  public Provider {
    name = name == null || name.isBlank() ? "Unknown" : name;
    domain = domain == null ? "" : domain.toLowerCase(java.util.Locale.ROOT);
  }

}
