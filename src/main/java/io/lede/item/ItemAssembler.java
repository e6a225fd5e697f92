package io.lede.item;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Builds the item records from the typed field reads of one file. */
final class ItemAssembler {

  /** More related entries than this are cut (and reported): no curator links thousands of stories. */
  static final int MAX_RELATED = 1_000;

  /**
   * More images than this per story are cut (and reported). Aliases let a file share one image list
   * among all its related entries, so without a cap a 12 MB file yields millions of image records.
   */
  static final int MAX_IMAGES = 64;

  /** URL keys in order of preference: the publisher's original before AMP and CDN copies. */
  static final List<String> URL_KEYS = List.of(
      "originalUrl", "sourceUrl", "webUrl", "url", "ampWebUrl", "ampUrl", "cdnAmpWebUrl", "cdnAmpUrl");

  private final YamlFields fields;

  ItemAssembler(YamlFields fields) {
    this.fields = fields;
  }

  Optional<NewsItem> assemble(MappingNode root, String rawBody) {
    Map<String, Node> e = fields.entries(root);
    Story article = story(root, e, "");
    String body = TextCleaner.clean(rawBody);
    if (article.title().isEmpty() && article.excerpt().isEmpty() && body.isEmpty()) {
      fields.problem(root, "", "item has no title, excerpt or body: nothing to index");
      return Optional.empty();
    }
    List<String> topics = new ArrayList<>(new LinkedHashSet<>(
        fields.strings(e.get("topics"), "topics").stream().map(TextCleaner::clean).filter(t -> !t.isEmpty())
            .map(TopicCase::canonical).toList()));
    int heat = fields.integer(e.get("heat"), "heat").orElse(Story.UNKNOWN);
    if (heat < Story.UNKNOWN) {
      fields.problem(e.get("heat"), "heat", "negative heat " + heat + " read as unknown");
      heat = Story.UNKNOWN;
    }
    boolean published = fields.bool(e.get("published"), "published").orElse(false);
    String category = fields.string(e.get("category"), "category").map(TextCleaner::clean).orElse("");
    String type = fields.string(e.get("type"), "type").map(TextCleaner::clean).orElse("");
    return Optional.of(new NewsItem(
        fields.file(), article, category, type, topics, heat, published, body, related(e.get("related"))));
  }

  private List<Story> related(Node node) {
    List<Node> entries = fields.sequence(node, "related");
    if (entries.size() > MAX_RELATED) {
      fields.problem(node, "related", "has " + entries.size() + " entries; only the first " + MAX_RELATED + " are read");
      entries = entries.subList(0, MAX_RELATED);
    }
    List<Story> related = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      String field = "related[" + i + "]";
      Optional<MappingNode> entry = fields.mapping(entries.get(i), field);
      if (entry.isEmpty()) continue;
      Story story = story(entry.get(), fields.entries(entry.get()), field + ".");
      if (story.title().isEmpty() && story.excerpt().isEmpty()) {
        fields.problem(entries.get(i), field, "related entry has no title or excerpt; skipped");
        continue;
      }
      related.add(story);
    }
    return related;
  }

  /** The fields an article and a related entry share; {@code prefix} names the entry in reports. */
  private Story story(MappingNode node, Map<String, Node> e, String prefix) {
    String title = text(e, "title", prefix);
    String excerpt = text(e, "excerpt", prefix);
    if (title.isEmpty() && e.get("title") instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
      fields.problem(e.get("title"), prefix + "title", "title is empty or unreadable");
    } else if (!e.containsKey("title")) {
      fields.problem(node, prefix + "title", "title is missing");
    }
    int quality = fields.integer(e.get("quality"), prefix + "quality").orElse(Story.UNKNOWN);
    if (quality < Story.UNKNOWN) {
      fields.problem(e.get("quality"), prefix + "quality", "negative quality " + quality + " read as unknown");
      quality = Story.UNKNOWN;
    }
    List<String> urls = urls(e, prefix);
    return new Story(
        title,
        excerpt,
        fields.instant(e.get("publishedDateTime"), prefix + "publishedDateTime"),
        urls.isEmpty() ? "" : urls.get(0),
        urls.size() <= 1 ? List.of() : urls.subList(1, urls.size()),
        provider(e.get("provider"), prefix + "provider"),
        quality,
        images(e.get("images"), prefix + "images"));
  }

  private String text(Map<String, Node> e, String key, String prefix) {
    return fields.string(e.get(key), prefix + key).map(TextCleaner::clean).orElse("");
  }

  /** Every usable URL, canonical first, without repeats. */
  private List<String> urls(Map<String, Node> e, String prefix) {
    Set<String> urls = new LinkedHashSet<>();
    for (String key : URL_KEYS) {
      Node node = e.get(key);
      fields.string(node, prefix + key).map(String::strip).filter(u -> !u.isEmpty()).ifPresent(u -> {
        if (isWebUrl(u)) {
          urls.add(u);
        } else {
          fields.problem(node, prefix + key, "not an http(s) URL: '" + (u.length() > 60 ? u.substring(0, 57) + "..." : u) + "'");
        }
      });
    }
    return new ArrayList<>(urls);
  }

  static boolean isWebUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private Provider provider(Node node, String field) {
    if (node == null) return Provider.UNKNOWN;
    Optional<MappingNode> mapping = node instanceof MappingNode m ? Optional.of(m) : Optional.empty();
    if (mapping.isEmpty()) {
      // A bare "provider: Reuters" is a common shorthand; read it as the name.
      return fields.string(node, field).map(TextCleaner::clean).map(n -> new Provider(n, "")).orElse(Provider.UNKNOWN);
    }
    Map<String, Node> p = fields.entries(mapping.get());
    return new Provider(
        fields.string(p.get("name"), field + ".name").map(TextCleaner::clean).orElse(""),
        fields.string(p.get("domain"), field + ".domain").map(String::strip).orElse(""));
  }

  private List<Image> images(Node node, String field) {
    List<Image> images = new ArrayList<>();
    List<Node> entries = fields.sequence(node, field);
    if (entries.size() > MAX_IMAGES) {
      fields.problem(node, field, "has " + entries.size() + " entries; only the first " + MAX_IMAGES + " are read");
      entries = entries.subList(0, MAX_IMAGES);
    }
    for (int i = 0; i < entries.size(); i++) {
      String f = field + "[" + i + "]";
      Optional<MappingNode> m = fields.mapping(entries.get(i), f);
      if (m.isEmpty()) continue;
      Map<String, Node> img = fields.entries(m.get());
      Optional<String> url = fields.string(img.get("url"), f + ".url").map(String::strip);
      if (url.isEmpty() || !isWebUrl(url.get())) {
        fields.problem(entries.get(i), f + ".url", "image without an http(s) URL; skipped");
        continue;
      }
      images.add(new Image(
          url.get(),
          Math.max(0, fields.integer(img.get("width"), f + ".width").orElse(0)),
          Math.max(0, fields.integer(img.get("height"), f + ".height").orElse(0)),
          fields.string(img.get("title"), f + ".title").map(TextCleaner::clean).orElse(""),
          fields.bool(img.get("isCached"), f + ".isCached").orElse(false)));
    }
    return images;
  }
}
