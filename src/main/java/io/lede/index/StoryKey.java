package io.lede.index;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The identity of a story: a short id derived from its normalised canonical URL, so the same story seen
 * in two files, or as an article here and a related entry there, lands on one document.
 */
public final class StoryKey {

  private static final Set<String> TRACKING_PARAMETERS = Set.of(
      "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "cmpid", "igshid", "_ga", "yclid");

  private StoryKey() {}

  /** The document id for a story with this canonical URL: 16 hex digits. */
  public static String idForUrl(String url) {
    return hash("url:" + normalize(url));
  }

  /** The id for a story that has no usable URL: the same text from the same provider is the same story. */
  public static String idForText(String provider, String title, String published) {
    return hash("text:" + provider.toLowerCase(Locale.ROOT) + "\n" + title.toLowerCase(Locale.ROOT) + "\n" + published);
  }

  /**
   * Lower-case scheme and host without "www.", no default port, no fragment, no tracking parameters
   * (utm_* and the click ids of the big ad networks), remaining parameters sorted, no trailing slash.
   * http and https name the same story, so the scheme is dropped.
   */
  public static String normalize(String url) {
    String trimmed = url.strip();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      return trimmed.toLowerCase(Locale.ROOT);
    }
    if (uri.getHost() == null) return trimmed.toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) host = host.substring(4);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || port == 80 || port == 443;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    StringBuilder key = new StringBuilder(host);
    if (!defaultPort) key.append(':').append(port);
    key.append(path);
    String query = keptQuery(uri.getRawQuery());
    if (!query.isEmpty()) key.append('?').append(query);
    return key.toString();
  }

  private static String keptQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) return "";
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) continue;
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name)) continue;
      kept.add(pair);
    }
    kept.sort(null);
    return String.join("&", kept);
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
