package io.lede.search;

import io.lede.index.ParentRef;
import io.lede.index.StoryDoc;
import java.util.List;
import java.util.Optional;

/** Turns a stored story into the {@link Hit} the API returns. */
final class HitMapper {
  private HitMapper() {}

  /** A hit without highlights, copies or explanation (items, similar stories). */
  static Hit toHit(StoryDoc doc, double score) {
    return toHit(doc, score, HitHighlighter.plain(doc.story().title(), doc.story().excerpt()), List.of(), Optional.empty());
  }

  static Hit toHit(StoryDoc doc, double score, Highlights highlights, List<AlsoFrom> alsoFrom,
      Optional<ScoreExplanation> explain) {
    var story = doc.story();
    Optional<ImageRef> image = story.images().stream().findFirst()
        .map(i -> new ImageRef(i.url(), i.width(), i.height()));
    List<ParentLink> parents = doc.parents().stream().map(HitMapper::parent).toList();
    return new Hit(doc.id(), doc.kind(), story.title(), story.excerpt(), highlights, story.url(),
        provider(doc), doc.topics(), doc.category(), story.publishedAt(), story.quality(), doc.heat(),
        doc.published(), score, image, parents, alsoFrom, explain);
  }

  static AlsoFrom alsoFrom(StoryDoc doc) {
    return new AlsoFrom(doc.id(), doc.story().title(), doc.story().url(), provider(doc));
  }

  private static ProviderRef provider(StoryDoc doc) {
    return new ProviderRef(doc.story().provider().name(), doc.story().provider().domain());
  }

  private static ParentLink parent(ParentRef p) {
    return new ParentLink(p.id(), p.title(), p.url());
  }
}
