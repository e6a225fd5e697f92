package io.lede.search;

import io.lede.index.Schema;
import io.lede.search.ParsedQuery.Phrase;
import io.lede.search.ParsedQuery.Target;
import io.lede.search.ParsedQuery.Unit;
import io.lede.search.ParsedQuery.Word;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words and phrases a reader may write for the same thing ("us", "usa", "united states"), applied to the
 * query, never to the index: editing the list needs no rebuild. The format is Solr's and Elasticsearch's
 * equivalence lines — {@code us, usa, united states} — with {@code #} comments; a query that writes one of
 * them matches any of them, as alternatives of one word (so "united states economy" is two words to
 * match, not three). Only plain words are expanded: a quoted phrase, a prefix, a field or an exclusion is
 * searched as written.
 */
public final class Synonyms {

  /** Longest entry, in words. */
  static final int MAX_WORDS = 4;

  /** No synonyms. */
  public static final Synonyms NONE = new Synonyms(Map.of());

  private static final String BUNDLED = "synonyms.txt";

  /** Each entry's words, joined by single spaces, to the forms of its line (the entry among them). */
  private final Map<String, List<String>> forms;

  private Synonyms(Map<String, List<String>> forms) {
    this.forms = forms;
  }

  /** The list Lede ships with: common abbreviations of news (countries, bodies, terms). */
  public static Synonyms bundled() {
    try (InputStream in = Synonyms.class.getResourceAsStream(BUNDLED)) {
      if (in == null) throw new IllegalStateException("the bundled " + BUNDLED + " is missing from the class path");
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The list in {@code file}; an unreadable file or a malformed line is an error naming the file and line. */
  public static Synonyms load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    }
  }

  /**
   * Reads equivalence lines. A line of one form, an explicit mapping ({@code a => b}) or a form of more
   * than {@link #MAX_WORDS} words is an {@link IllegalArgumentException} naming {@code source} and the line.
   */
  static Synonyms parse(Reader in, String source) throws IOException {
    Map<String, List<String>> forms = new HashMap<>();
    BufferedReader lines = new BufferedReader(in);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (content.isEmpty()) continue;
      String where = source + ", line " + number + ": ";
      if (content.contains("=>")) throw new IllegalArgumentException(where + "only equivalent forms (a, b, c) are read, not mappings (=>)");
      Set<String> lineForms = new LinkedHashSet<>();
      for (String raw : content.split(",")) {
        String form = String.join(" ", raw.strip().toLowerCase(Locale.ROOT).split("\\s+")).strip();
        if (form.isEmpty()) continue;
        if (form.split(" ").length > MAX_WORDS) throw new IllegalArgumentException(where + "'" + form + "' has more than " + MAX_WORDS + " words");
        lineForms.add(form);
      }
      if (lineForms.size() < 2) throw new IllegalArgumentException(where + "a line needs two forms or more, separated by commas");
      for (String form : lineForms) {
        List<String> all = new ArrayList<>(forms.getOrDefault(form, List.of()));
        for (String f : lineForms) if (!all.contains(f)) all.add(f);
        forms.put(form, List.copyOf(all));
      }
    }
    return new Synonyms(Map.copyOf(forms));
  }

  /** How many forms the list knows. */
  public int size() {
    return forms.size();
  }

  /**
   * {@code parsed} with each run of plain words that is a listed form turned into one group of alternatives:
   * the words as typed and every other form of their line. The longest form starting at a word wins.
   */
  ParsedQuery expand(ParsedQuery parsed) {
    if (forms.isEmpty()) return parsed;
    List<List<Unit>> groups = parsed.required();
    List<List<Unit>> out = new ArrayList<>(groups.size());
    boolean changed = false;
    int i = 0;
    while (i < groups.size()) {
      int matched = 0;
      List<String> alternatives = null;
      StringBuilder words = new StringBuilder();
      for (int k = 0; k < MAX_WORDS && i + k < groups.size(); k++) {
        String word = plainWord(groups.get(i + k));
        if (word == null) break;
        if (k > 0) words.append(' ');
        words.append(word);
        List<String> found = forms.get(words.toString());
        if (found != null) {
          matched = k + 1;
          alternatives = found;
        }
      }
      if (matched == 0) {
        out.add(groups.get(i++));
        continue;
      }
      String typed = String.join(" ", Arrays.copyOf(words.toString().split(" "), matched));
      List<Unit> group = new ArrayList<>();
      group.add(unit(typed));
      for (String form : alternatives) if (!form.equals(typed)) group.add(unit(form));
      out.add(group);
      i += matched;
      changed = true;
    }
    return changed ? new ParsedQuery(out, parsed.excluded()) : parsed;
  }

  /**
   * The word of a group that is one plain word searched everywhere, an acronym without its dots ("u.s." is
   * "us", as the index has it too); null for anything else.
   */
  private static String plainWord(List<Unit> group) {
    if (group.size() != 1) return null;
    if (!(group.get(0) instanceof Word w) || w.prefix() || w.target() != Target.ALL) return null;
    return Schema.withoutDots(w.text());
  }

  private static Unit unit(String form) {
    return form.contains(" ") ? new Phrase(Target.ALL, form) : new Word(Target.ALL, form, false);
  }
}
