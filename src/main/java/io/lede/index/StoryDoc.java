package io.lede.index;

import io.lede.item.NewsItem;
import io.lede.item.Story;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One indexed story: what becomes one Lucene document. An article and each of its related entries
 * become one each; the same story seen again is {@linkplain #merge merged}, not indexed twice.
 *
 * @param kind {@link #ARTICLE} or {@link #RELATED}
 * @param heat {@link Story#UNKNOWN} when unknown; related entries never carry one
 * @param parents the articles a related entry was found under (empty for a story only seen as an article)
 * @param sources the files the story was read from
 */
public record StoryDoc(
    String id,
    String kind,
    Story story,
    String category,
    List<String> topics,
    int heat,
    boolean published,
    String body,
    List<ParentRef> parents,
    List<String> sources) {

  public static final String ARTICLE = "article";
  public static final String RELATED = "related";

  public StoryDoc {
    topics = List.copyOf(topics);
    parents = List.copyOf(parents);
    sources = List.copyOf(sources);
  }

  /** The article of {@code item} followed by each related entry, which inherits the article's topics and category. */
  public static List<StoryDoc> of(NewsItem item) {
    Story article = item.article();
    String articleId = idOf(article);
    List<StoryDoc> docs = new ArrayList<>(1 + item.related().size());
    docs.add(new StoryDoc(articleId, ARTICLE, article, item.category(), item.topics(), item.heat(),
        item.published(), item.body(), List.of(), List.of(item.source())));
    ParentRef parent = new ParentRef(articleId, article.title(), article.url());
    for (Story related : item.related()) {
      docs.add(new StoryDoc(idOf(related), RELATED, related, item.category(), item.topics(), Story.UNKNOWN,
          item.published(), "", List.of(parent), List.of(item.source())));
    }
    return docs;
  }

  static String idOf(Story story) {
    if (!story.url().isEmpty()) return StoryKey.idForUrl(story.url());
    return StoryKey.idForText(story.provider().name(), story.title(),
        story.publishedAt().map(Object::toString).orElse(""));
  }

  /**
   * The same story seen twice, as one. An article's own content wins over a related entry's (the
   * article is the curated copy); between equals the copy from the first file in name order wins, so
   * the result does not depend on the order in which parallel workers met them. Parents, topics and
   * sources are the union of both.
   */
  public StoryDoc merge(StoryDoc other) {
    StoryDoc winner = ORDER.compare(this, other) <= 0 ? this : other;
    StoryDoc loser = winner == this ? other : this;
    LinkedHashSet<String> topics = new LinkedHashSet<>(winner.topics);
    topics.addAll(loser.topics);
    List<ParentRef> parents = new ArrayList<>(winner.parents);
    for (ParentRef p : loser.parents) {
      if (parents.stream().noneMatch(q -> q.id().equals(p.id()))) parents.add(p);
    }
    parents.sort(Comparator.comparing(ParentRef::id));
    LinkedHashSet<String> sources = new LinkedHashSet<>(winner.sources);
    sources.addAll(loser.sources);
    List<String> sortedSources = new ArrayList<>(sources);
    sortedSources.sort(null);
    boolean article = winner.kind.equals(ARTICLE) || loser.kind.equals(ARTICLE);
    return new StoryDoc(id, article ? ARTICLE : RELATED, winner.story, winner.category, List.copyOf(topics),
        winner.heat, winner.published || loser.published, winner.body, parents, sortedSources);
  }

  private static final Comparator<StoryDoc> ORDER = Comparator
      .comparing((StoryDoc d) -> d.kind.equals(ARTICLE) ? 0 : 1)
      .thenComparing(d -> d.sources.isEmpty() ? "" : d.sources.get(0))
      .thenComparing(d -> d.story.title());
}
