package io.lede.search;

import io.lede.search.ParsedQuery.Phrase;
import io.lede.search.ParsedQuery.Target;
import io.lede.search.ParsedQuery.Unit;
import io.lede.search.ParsedQuery.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the search-box syntax a reader knows from web search engines, and never fails on anything:
 *
 * <ul>
 *   <li>{@code words} — all must match; {@code "a phrase"} — words together, in order;
 *   <li>{@code -word}, {@code -"a phrase"}, {@code NOT word} — must not match;
 *   <li>{@code a OR b} — either; {@code AND} and {@code +word} are accepted and change nothing;
 *   <li>{@code recog*} — a word prefix (at least two letters);
 *   <li>{@code title:word}, {@code provider:reuters}, {@code topic:"computer vision"} — one field.
 * </ul>
 *
 * Anything else degrades to plain words: an unclosed quote is an ordinary character, an unknown
 * {@code field:value} is two words, brackets and Lucene operators ({@code ~ ^ [ ] { } ( )}) are noise,
 * a dangling {@code OR} or {@code -} is ignored.
 */
public final class QuerySyntax {

  private static final Map<String, Target> FIELDS =
      Map.of("title", Target.TITLE, "provider", Target.PROVIDER, "topic", Target.TOPIC);

  private static final Map<String, String> OPERATORS =
      Map.of("OR", "OR", "||", "OR", "AND", "AND", "&&", "AND", "NOT", "NOT");

  /** Shorter prefixes would expand to most of the vocabulary; they are searched as words instead. */
  static final int MIN_PREFIX = 2;

  /**
   * Lucene's boost and slop or fuzziness suffixes ({@code word^2}, {@code "a b"~3}, {@code word~}) are not
   * read: their number is no word to look for, and the word or phrase is searched as it is.
   */
  private static final Pattern OPERATOR_SUFFIX = Pattern.compile("[~^][0-9]*(\\.[0-9]+)?$");

  private QuerySyntax() {}

  public static ParsedQuery parse(String text) {
    List<Token> tokens = tokenize(text == null ? "" : text);
    List<List<Unit>> required = new ArrayList<>();
    List<Unit> excluded = new ArrayList<>();
    List<Unit> group = null; // the group the previous positive unit started, open to an OR
    boolean orPending = false;
    boolean notPending = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.operator()) {
        switch (t.text()) {
          case "OR" -> orPending = group != null && hasPositiveAfter(tokens, i);
          case "NOT" -> notPending = true;
          default -> { } // AND: the default anyway
        }
        continue;
      }
      Unit unit = t.unit();
      boolean negated = t.negated() || notPending;
      notPending = false;
      if (negated) {
        excluded.add(unit);
        orPending = false;
        group = null;
      } else if (orPending) {
        group.add(unit);
        orPending = false;
      } else {
        group = new ArrayList<>();
        group.add(unit);
        required.add(group);
      }
    }
    return new ParsedQuery(required, excluded);
  }

  private static boolean hasPositiveAfter(List<Token> tokens, int i) {
    return i + 1 < tokens.size() && !tokens.get(i + 1).operator() && !tokens.get(i + 1).negated();
  }

  /** A unit with its sign, or an operator word (OR, AND, NOT). */
  private record Token(Unit unit, boolean negated, String text) {
    boolean operator() {
      return unit == null;
    }
  }

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '(' || c == ')') {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-' || c == '+' || c == '!') {
        negated = c != '+';
        i++;
        if (i >= n || Character.isWhitespace(s.charAt(i))) continue; // a lone sign means nothing
      }
      // A field name followed by a colon applies to the value right after it.
      Target target = Target.ALL;
      int colon = fieldColon(s, i);
      if (colon > 0) {
        Target t = FIELDS.get(s.substring(i, colon).toLowerCase(Locale.ROOT));
        if (t != null && colon + 1 < n && !Character.isWhitespace(s.charAt(colon + 1))) {
          target = t;
          i = colon + 1;
        }
      }
      if (s.charAt(i) == '"') {
        int close = s.indexOf('"', i + 1);
        if (close > i) {
          String phrase = clean(s.substring(i + 1, close));
          i = afterOperatorSuffix(s, close + 1);
          if (!phrase.isBlank()) out.add(new Token(new Phrase(target, phrase), negated, phrase));
          continue;
        }
        i++; // an unclosed quote is just a character: skip it and read on as words
        if (i >= n) continue;
      }
      int end = i;
      while (end < n && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '"'
          && s.charAt(end) != '(' && s.charAt(end) != ')') {
        end++;
      }
      String raw = s.substring(i, end);
      raw = raw.substring(0, withoutOperatorSuffix(raw));
      i = end;
      if (raw.isEmpty()) continue;
      if (!negated && target == Target.ALL && OPERATORS.containsKey(raw)) {
        out.add(new Token(null, false, OPERATORS.get(raw)));
        continue;
      }
      boolean prefix = raw.endsWith("*");
      String cleaned = clean(raw);
      if (cleaned.isBlank()) continue;
      // "foo:bar" with an unknown field, or "a~b": the pieces are separate words.
      String[] words = cleaned.split(" ");
      for (int w = 0; w < words.length; w++) {
        boolean last = w == words.length - 1;
        boolean isPrefix = last && prefix && words[w].length() >= MIN_PREFIX;
        out.add(new Token(new Word(target, words[w], isPrefix), negated, words[w]));
      }
    }
    return out;
  }

  /** The length of {@code raw} without an operator suffix. */
  private static int withoutOperatorSuffix(String raw) {
    var m = OPERATOR_SUFFIX.matcher(raw);
    return m.find() ? m.start() : raw.length();
  }

  /** The index after an operator suffix that starts at {@code i} (right after a closing quote), or {@code i}. */
  private static int afterOperatorSuffix(String s, int i) {
    if (i >= s.length() || (s.charAt(i) != '~' && s.charAt(i) != '^')) return i;
    int j = i + 1;
    while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) j++;
    return j;
  }

  /** The index of the colon ending a field name at {@code i} ("title:..."), or -1. */
  private static int fieldColon(String s, int i) {
    int j = i;
    while (j < s.length() && Character.isLetter(s.charAt(j))) j++;
    return j > i && j < s.length() && s.charAt(j) == ':' ? j : -1;
  }

  /**
   * Lower-cases and replaces the characters that carry Lucene syntax (and the colon of an unknown
   * field) with spaces, so the analyzer sees plain words.
   */
  static String clean(String raw) {
    StringBuilder b = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '*', '?', '~', '^', '[', ']', '{', '}', '(', ')', ':', '\\', '/', '"', '|', '&', '!' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
