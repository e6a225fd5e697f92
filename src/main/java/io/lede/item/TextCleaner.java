package io.lede.item;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  /** A tag: its name, then (after whitespace or a slash) anything up to the closing bracket. Linear: no nested quantifiers. */
  private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)([\\s/][^<>]*)?>");
  private static final Set<String> VOID_TAGS = Set.of("br", "hr", "wbr");
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

  /** Runs of whitespace (including no-break and zero-width spaces, and control characters) become one space; ends are trimmed. */
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

  /** Whitespace of every kind, zero-width spaces, and control characters (C0, DEL, C1), which no reader should see. */
  private static boolean isSpace(char c) {
    return c <= ' ' || (c >= '\u007F' && c <= '\u009F')
        || (c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B' || c == '\uFEFF'
            || c == '\u2028' || c == '\u2029' || (c >= '\u2000' && c <= '\u200A') || c == '\u3000');
  }

  /**
   * Removes formatting tags. Reuters copy puts ticker symbols and company names in angle brackets
   * ("Sears, Roebuck and Co &lt;S&gt;", "&lt;Mark Resources Inc&gt;", "&lt;P.W. Stephens&gt;"), so a
   * markup-named tag only counts as a tag when it looks like real HTML: its attributes, if any, have
   * an {@code =}; and a bare upper-case opening tag such as {@code <S>} or {@code <EM>} only counts
   * when the text carries other, unmistakable markup (a closing tag or a tag with attributes).
   */
  static String stripMarkup(String text) {
    Matcher m = TAG.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    Boolean html = null;
    while (m.find()) {
      Tag tag = Tag.of(m);
      boolean markup = tag.isMarkup();
      if (markup && tag.isBareUpperCase()) {
        if (html == null) html = hasUnmistakableMarkup(text);
        markup = html;
      }
      // Block-level tags separate words; inline ones must not glue "a<b>b</b>" into something else.
      m.appendReplacement(out, markup ? (isBlock(tag.name()) ? " " : "") : Matcher.quoteReplacement(m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean hasUnmistakableMarkup(String text) {
    Matcher m = TAG.matcher(text);
    while (m.find()) {
      Tag tag = Tag.of(m);
      if (tag.isMarkup() && (tag.closing() || !tag.attributes().isEmpty())) return true;
    }
    return false;
  }

  /** One match of {@link #TAG}: lower-cased name, attributes without a self-closing slash. */
  private record Tag(String name, String written, boolean closing, String attributes, boolean selfClosing) {
    static Tag of(Matcher m) {
      String attributes = m.group(3) == null ? "" : m.group(3).strip();
      boolean selfClosing = attributes.endsWith("/");
      if (selfClosing) attributes = attributes.substring(0, attributes.length() - 1).strip();
      return new Tag(m.group(2).toLowerCase(Locale.ROOT), m.group(2), !m.group(1).isEmpty(), attributes, selfClosing);
    }

    /** A formatting tag as feeds write it: {@code <b>}, {@code </a>}, {@code <a href="...">}, {@code <br/>}. */
    boolean isMarkup() {
      return MARKUP_TAGS.contains(name) && (attributes.isEmpty() || (!closing && attributes.indexOf('=') >= 0));
    }

    /** {@code <S>}, {@code <EM>}: a Reuters ticker as often as a tag. */
    boolean isBareUpperCase() {
      return !closing && attributes.isEmpty() && !selfClosing && !VOID_TAGS.contains(name)
          && written.equals(written.toUpperCase(Locale.ROOT));
    }
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
   * Repairs characters that are UTF-8 bytes decoded one by one as Windows-1252 / Latin-1
   * ("saidÂ\u00A0231" → "said\u00A0231", "donâ€™t" → "don’t", "cafÃ©" → "café").
   *
   * <p>A sequence is only replaced when its bytes form valid UTF-8 <em>and</em> the result is
   * plausible: a character Western text uses (Latin-1, Latin Extended-A, Vietnamese letters,
   * punctuation, currency, ™) or a four-byte character (emoji). When the text holds a run of two or
   * more such sequences back to back, which genuine text never does, it is Cyrillic, Greek or CJK
   * mojibake ("ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð² Ð¼Ð¸Ñ€") and every sequence is repaired, one-letter words included.
   * Genuine text such as "café", "Ãlvaro", "JOSÉ’S" or "Gruß…" only looks like UTF-8 by
   * accident, one isolated implausible pair at a time, and stays.
   */
  static String repairMojibake(String text) {
    if (!mayHoldMojibake(text)) return text;
    // Find the candidate sequences first: whether one is repaired depends on the others.
    List<int[]> spans = new ArrayList<>();
    List<String> decoded = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int length = utf8SequenceLength(text.charAt(i));
      String repaired = length > 1 && i + length <= text.length() ? redecode(text, i, length) : null;
      if (repaired != null) {
        spans.add(new int[] {i, i + length});
        decoded.add(repaired);
        i += length;
      } else {
        i++;
      }
    }
    if (spans.isEmpty()) return text;
    boolean hasRun = false;
    for (int k = 1; k < spans.size() && !hasRun; k++) hasRun = spans.get(k - 1)[1] == spans.get(k)[0];
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (int k = 0; k < spans.size(); k++) {
      int[] span = spans.get(k);
      if (hasRun || isPlausible(decoded.get(k))) {
        out.append(text, copied, span[0]).append(decoded.get(k));
        copied = span[1];
      }
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** Whether a lone repaired character is one mojibake commonly hides in Western text. */
  private static boolean isPlausible(String repaired) {
    int cp = repaired.codePointAt(0);
    return (cp >= 0x00A0 && cp <= 0x017F)     // Latin-1 letters and signs, Latin Extended-A
        || (cp >= 0x0218 && cp <= 0x021B)     // Romanian ș ț
        || (cp >= 0x1E00 && cp <= 0x1EFF)     // Latin Extended Additional (Vietnamese)
        || (cp >= 0x2000 && cp <= 0x206F)     // punctuation: ’ “ ” – — … •
        || (cp >= 0x20A0 && cp <= 0x20CF)     // currency: €
        || (cp >= 0x2100 && cp <= 0x214F)     // letterlike: ™ №
        || cp >= 0x10000;                     // four-byte characters: emoji
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

  /**
   * The UTF-8 reading of {@code text[start, start + length)} turned back into bytes, or null when
   * those bytes are not one valid UTF-8 character. Each character is mapped back as the "sloppy"
   * Windows-1252 decoders that cause mojibake produce it: Windows-1252 for its 27 extra characters
   * (€, ’, ™ ...), Latin-1 for everything else up to U+00FF (so the five bytes Windows-1252 leaves
   * undefined, such as 0x9D in "â€\u009D", still map back).
   */
  private static String redecode(String text, int start, int length) {
    byte[] bytes = new byte[length];
    for (int k = 0; k < length; k++) {
      int b = toWindows1252Byte(text.charAt(start + k));
      if (b < 0 || (k > 0 && (b & 0xC0) != 0x80)) return null;
      bytes[k] = (byte) b;
    }
    try {
      String decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return decoded.codePointCount(0, decoded.length()) == 1 ? decoded : null;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int toWindows1252Byte(char c) {
    if (c <= '\u00FF') return c;
    if (c == '\uFFFF') return -1;
    int b = WINDOWS_1252_EXTRAS.indexOf(c);
    return b < 0 ? -1 : 0x80 + b;
  }

  /** The characters Windows-1252 puts at 0x80..0x9F; U+FFFF marks its five undefined bytes. */
  private static final String WINDOWS_1252_EXTRAS =
      "€\uFFFF‚ƒ„…†‡ˆ‰Š‹Œ\uFFFFŽ\uFFFF\uFFFF‘’“”•–—˜™š›œ\uFFFFžŸ";
}
