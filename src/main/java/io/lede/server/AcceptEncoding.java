package io.lede.server;

import java.util.Locale;

/** Reads an {@code Accept-Encoding} header (RFC 9110, section 12.5.3) for the one coding Lede sends. */
final class AcceptEncoding {
  private AcceptEncoding() {}

  /** True when {@code header} accepts gzip: named (or {@code *}) with a weight above zero. */
  static boolean allowsGzip(String header) {
    if (header == null) return false;
    boolean viaWildcard = false;
    for (String part : header.split(",")) {
      String[] pieces = part.split(";");
      String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
      if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) continue;
      boolean accepted = weight(pieces) > 0;
      if (!coding.equals("*")) return accepted; // named: its own weight decides
      viaWildcard = accepted;
    }
    return viaWildcard;
  }

  private static double weight(String[] pieces) {
    for (int i = 1; i < pieces.length; i++) {
      String p = pieces[i].strip().toLowerCase(Locale.ROOT);
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2).strip());
        } catch (NumberFormatException e) {
          return 0; // an unreadable weight accepts nothing
        }
      }
    }
    return 1;
  }
}
