package io.lede.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lede.Lede;
import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.Rebuilder;
import io.lede.search.Hit;
import io.lede.search.SearchRequest;
import io.lede.search.SearchResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lede search} prints what the embedded API returns. */
class SearchCommandTest {

  @TempDir static Path dir;
  static Path home;

  @BeforeAll
  static void index() throws Exception {
    home = dir.resolve("index");
    new Rebuilder(new IndexBuilder(1, 16)).rebuild(Path.of("seeds"), new IndexHome(home), IndexBuilder.Listener.NONE);
  }

  private static String run(String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.run(args));
    } finally {
      System.setOut(out);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonIsTheFacadesResponse() throws Exception {
    JsonNode json = Json.MAPPER.readTree(run("search", "facial", "recognition", "--provider", "Reuters", "--index",
        home.toString(), "--json"));
    try (Lede lede = Lede.open(home)) {
      SearchResponse r = lede.search(SearchRequest.builder().query("facial recognition").provider("Reuters").build());
      assertEquals(r.total(), json.get("total").asLong());
      List<String> ids = new ArrayList<>();
      json.get("hits").forEach(h -> ids.add(h.get("id").asText()));
      assertEquals(r.hits().stream().map(Hit::id).toList(), ids);
      assertTrue(json.get("hits").get(0).has("highlights"));
      assertEquals(r.facets().keySet().size(), json.get("facets").size());
    }
  }

  @Test
  void textShowsHitsCopiesAndFactors() {
    String text = run("search", "facebook", "settle", "--explain", "--index", home.toString());
    assertTrue(text.contains("Facebook"), text);
    assertTrue(text.contains("also from"), text);
    assertTrue(text.contains("× quality"), text);
  }

  @Test
  void loosenedWordsAreSaidInTextAndJson() throws Exception {
    String text = run("search", "recognition", "quokkaqqzz", "--index", home.toString());
    assertTrue(text.contains("No story has all the words: showing stories with some of them."), text);
    assertFalse(run("search", "recognition", "--index", home.toString()).contains("all the words"));
    JsonNode json = Json.MAPPER.readTree(run("search", "recognition", "quokkaqqzz", "--index", home.toString(), "--json"));
    assertEquals("any_word", json.get("matched").asText());
    String most = run("search", "facial", "recognition", "quokkaqqzz", "--index", home.toString());
    assertTrue(most.contains("No story has all the words: showing stories with most of them."), most);
  }

  @Test
  void aBadSizeIsAUsageError() {
    assertEquals(2, Main.run("search", "x", "--size", "101", "--index", home.toString()));
  }

  @Test
  void aBadCursorIsAUsageErrorWithItsReason() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, Main.run("search", "x", "--cursor", "zzz", "--index", home.toString()));
    } finally {
      System.setErr(err);
    }
    String message = captured.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("error: cursor is not valid"), message);
  }

  @Test
  void synonymsComeFromTheFileGivenOrNone() throws Exception {
    Path file = dir.resolve("words.txt");
    java.nio.file.Files.writeString(file, "# ours\nzebracorp, clearview\n");
    String found = run("search", "zebracorp", "--synonyms", file.toString(), "--index", home.toString());
    assertTrue(found.contains("Clearview"), found);
    assertTrue(run("search", "zebracorp", "--index", home.toString()).startsWith("0 hits"), "not in the bundled list");
    assertTrue(run("search", "us", "police", "--synonyms", "none", "--index", home.toString()).contains("hits"));
  }

  @Test
  void aMalformedSynonymsFileIsAUsageErrorNamingItsLine() throws Exception {
    Path file = dir.resolve("bad.txt");
    java.nio.file.Files.writeString(file, "us, usa\nny => new york\n");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, Main.run("search", "x", "--synonyms", file.toString(), "--index", home.toString()));
    } finally {
      System.setErr(err);
    }
    String message = captured.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains(file + ", line 2"), message);
  }
}
