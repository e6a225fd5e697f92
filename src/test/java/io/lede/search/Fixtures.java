package io.lede.search;

import io.lede.Lede;
import io.lede.index.IndexBuilder;
import io.lede.index.IndexHome;
import io.lede.index.Rebuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** News item files written for a test, indexed the way production indexes them, and opened with {@link Lede}. */
final class Fixtures {

  private Fixtures() {}

  /** One news item file: an article and its related entries. */
  static final class Item {
    final String title;
    String excerpt = "";
    String provider = "Example News";
    String domain = "example.com";
    int quality = 50;
    int heat = -1;
    String date = "2020-06-01T12:00:00Z";
    List<String> topics = new ArrayList<>(List.of("General"));
    String category = "news";
    boolean published = true;
    String body = "";
    String url;
    final List<Item> related = new ArrayList<>();

    Item(String title) {
      this.title = title;
    }

    Item excerpt(String v) { excerpt = v; return this; }
    Item provider(String name) { provider = name; domain = name.toLowerCase().replaceAll("[^a-z0-9]", "") + ".com"; return this; }
    Item quality(int v) { quality = v; return this; }
    Item heat(int v) { heat = v; return this; }
    Item date(String v) { date = v; return this; }
    Item topics(String... v) { topics = List.of(v); return this; }
    Item category(String v) { category = v; return this; }
    Item published(boolean v) { published = v; return this; }
    Item body(String v) { body = v; return this; }
    Item url(String v) { url = v; return this; }
    Item related(Item... items) { related.addAll(List.of(items)); return this; }
  }

  static Item item(String title) {
    return new Item(title);
  }

  /** Writes each item to its own file under {@code dir/seeds}, builds a generation and opens it. */
  static Lede open(Path dir, Item... items) throws IOException {
    Path seeds = dir.resolve("seeds");
    Files.createDirectories(seeds);
    for (int i = 0; i < items.length; i++) {
      Files.writeString(seeds.resolve(String.format("%03d.txt", i)), yaml(items[i], i));
    }
    IndexHome home = new IndexHome(dir.resolve("index"));
    new Rebuilder(new IndexBuilder(1, 16)).rebuild(seeds, home, IndexBuilder.Listener.NONE);
    return Lede.open(home.root());
  }

  /** Indexes the repository's seeds/ into {@code dir} and opens them. */
  static Lede openSeeds(Path dir) throws IOException {
    IndexHome home = new IndexHome(dir.resolve("index"));
    new Rebuilder(new IndexBuilder(1, 16)).rebuild(Path.of("seeds"), home, IndexBuilder.Listener.NONE);
    return Lede.open(home.root());
  }

  private static String yaml(Item item, int n) {
    StringBuilder y = new StringBuilder("---\n");
    y.append("category: ").append(q(item.category)).append('\n');
    story(y, item, "", "https://" + item.domain + "/story-" + n);
    y.append("type: article\n");
    y.append("heat: ").append(item.heat).append('\n');
    y.append("published: ").append(item.published).append('\n');
    y.append("topics:\n");
    for (String t : item.topics) y.append("  - ").append(q(t)).append('\n');
    if (!item.related.isEmpty()) {
      y.append("related:\n");
      int r = 0;
      for (Item rel : item.related) story(y, rel, "  ", "https://" + rel.domain + "/story-" + n + "-related-" + r++);
    }
    y.append("---\n").append(item.body).append('\n');
    return y.toString();
  }

  private static void story(StringBuilder y, Item s, String indent, String defaultUrl) {
    String first = indent.isEmpty() ? "" : "  - ";
    String rest = indent.isEmpty() ? "" : "    ";
    y.append(first).append("title: ").append(q(s.title)).append('\n');
    y.append(rest).append("excerpt: ").append(q(s.excerpt)).append('\n');
    if (s.date != null) y.append(rest).append("publishedDateTime: ").append(s.date).append('\n');
    y.append(rest).append("sourceUrl: ").append(q(s.url == null ? defaultUrl : s.url)).append('\n');
    y.append(rest).append("quality: ").append(s.quality).append('\n');
    y.append(rest).append("provider:\n");
    y.append(rest).append("  name: ").append(q(s.provider)).append('\n');
    y.append(rest).append("  domain: ").append(q(s.domain)).append('\n');
  }

  private static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
