package io.lede.item;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text news feeds deliver into the text a reader should see: formatting markup removed,
 * entities decoded, UTF-8-read-as-Latin-1 mojibake repaired, whitespace folded.
 *
 * <p>Only the formatting tags feeds actually carry (b, i, a, p, span, ...) are removed. Anything else
 * that looks like a tag, {@code <script>} included, stays as literal text: it is what the headline
 * says, and every output path escapes it. Removing it would hide what a hostile file contained.
 */
public final class TextCleaner {

  private static final Set<String> MARKUP_TAGS = Set.of(
      "a", "abbr", "b", "big", "blockquote", "br", "cite", "code", "del", "div", "em", "figcaption",
      "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "li", "mark", "ol", "p",
      "q", "s", "small", "span", "strike", "strong", "sub", "sup", "time", "u", "ul", "wbr");

  private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)\\b[^<>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

  private static final Map<String, String> NAMED_ENTITIES = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
      Map.entry("hellip", "…"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"),
      Map.entry("rdquo", "”"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("copy", "©"),
      Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("euro", "€"), Map.entry("pound", "£"),
      Map.entry("yen", "¥"), Map.entry("cent", "¢"), Map.entry("deg", "°"), Map.entry("middot", "·"),
      Map.entry("bull", "•"), Map.entry("times", "×"), Map.entry("eacute", "é"), Map.entry("egrave", "è"),
      Map.entry("aacute", "á"), Map.entry("agrave", "à"), Map.entry("iacute", "í"), Map.entry("oacute", "ó"),
      Map.entry("uacute", "ú"), Map.entry("ntilde", "ñ"), Map.entry("ccedil", "ç"), Map.entry("uuml", "ü"),
      Map.entry("ouml", "ö"), Map.entry("auml", "ä"), Map.entry("szlig", "ß"), Map.entry("shy", ""),
      Map.entry("zwj", ""), Map.entry("zwnj", ""), Map.entry("thinsp", " "), Map.entry("ensp", " "),
      Map.entry("emsp", " "));

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextCleaner() {}

  /** The cleaned form of {@code raw}; never null. */
  public static String clean(String raw) {
    if (raw == null || raw.isEmpty()) return "";
    String text = raw;
    if (text.indexOf('<') >= 0) text = stripMarkup(text);
    if (text.indexOf('&') >= 0) text = decodeEntities(text);
    text = repairMojibake(text);
    return foldWhitespace(text);
  }

  /** Runs of whitespace (including no-break and zero-width spaces) become one space; ends are trimmed. */
  static String foldWhitespace(String text) {
    StringBuilder out = null;
    boolean pendingSpace = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (out == null) {
          // Fast path: most text needs no change, so copy only from the first space that must go.
          boolean single = c == ' ' && i > 0 && i + 1 < n && !isSpace(text.charAt(i + 1));
          if (single) continue;
          out = new StringBuilder(n).append(text, 0, i);
        }
        pendingSpace = out.length() > 0;
        continue;
      }
      if (out != null) {
        if (pendingSpace) out.append(' ');
        pendingSpace = false;
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isSpace(char c) {
    return c <= ' ' ? (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B')
        : (c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B' || c == '\uFEFF'
            || c == '\u0085' || c == '\u2028' || c == '\u2029' || (c >= '\u2000' && c <= '\u200A') || c == '\u3000');
  }

  static String stripMarkup(String text) {
    Matcher m = TAG.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      boolean markup = MARKUP_TAGS.contains(m.group(1).toLowerCase(Locale.ROOT));
      // Block-level tags separate words; inline ones must not glue "a<b>b</b>" into something else.
      m.appendReplacement(out, markup ? (isBlock(m.group(1)) ? " " : "") : Matcher.quoteReplacement(m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean isBlock(String tag) {
    return switch (tag.toLowerCase(Locale.ROOT)) {
      case "br", "p", "div", "li", "ul", "ol", "blockquote", "hr", "figure", "figcaption",
          "h1", "h2", "h3", "h4", "h5", "h6" -> true;
      default -> false;
    };
  }

  static String decodeEntities(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decodeEntity(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decodeEntity(String name, String whole) {
    if (name.charAt(0) == '#') {
      boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
      try {
        int cp = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (cp == 0 || !Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) return whole;
        return new String(Character.toChars(cp));
      } catch (NumberFormatException e) {
        return whole;
      }
    }
    String decoded = NAMED_ENTITIES.get(name);
    if (decoded == null) decoded = NAMED_ENTITIES.get(name.toLowerCase(Locale.ROOT));
    return decoded == null ? whole : decoded;
  }

  /**
   * Repairs runs of characters that are UTF-8 bytes decoded one by one as Windows-1252 / Latin-1
   * ("saidÂ\u00A0231" → "said\u00A0231", "donâ€™t" → "don’t"). A run is only replaced when its
   * bytes form valid UTF-8, so genuine accented text ("café", "Ãlvaro" in a real name) stays.
   */
  static String repairMojibake(String text) {
    if (!mayHoldMojibake(text)) return text;
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int length = utf8SequenceLength(c);
      if (length > 1 && i + length <= text.length()) {
        String repaired = redecode(text.substring(i, i + length));
        if (repaired != null) {
          out.append(repaired);
          i += length;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** How many bytes a UTF-8 sequence has when {@code lead} is its first byte read as Latin-1; 0 if none. */
  private static int utf8SequenceLength(char lead) {
    if (lead >= '\u00C2' && lead <= '\u00DF') return 2;
    if (lead >= '\u00E0' && lead <= '\u00EF') return 3;
    if (lead >= '\u00F0' && lead <= '\u00F4') return 4;
    return 0;
  }

  private static boolean mayHoldMojibake(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (utf8SequenceLength(text.charAt(i)) > 0) return true;
    }
    return false;
  }

  private static String redecode(String sequence) {
    try {
      ByteBuffer bytes = WINDOWS_1252.newEncoder()
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(sequence));
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      return latin1Redecode(sequence);
    }
  }

  /** Windows-1252 leaves five byte values undefined; Latin-1 maps them, so try it as the fallback. */
  private static String latin1Redecode(String run) {
    for (int i = 0; i < run.length(); i++) {
      if (run.charAt(i) > '\u00FF') return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(run.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
