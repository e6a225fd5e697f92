package io.lede.search;

/** Escapes text for safe inclusion in HTML element content and attribute values. */
public final class HtmlEscaper {
  private HtmlEscaper() {}

  public static String escape(String text) {
    int first = 0;
    while (first < text.length() && !special(text.charAt(first))) first++;
    if (first == text.length()) return text; // most titles and excerpts: nothing to escape, nothing to copy
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean special(char c) {
    return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
  }
}
