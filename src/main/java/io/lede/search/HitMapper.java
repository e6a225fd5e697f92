package io.lede.search;

import io.lede.index.ParentRef;
import io.lede.index.StoryDoc;
import java.util.List;
import java.util.Optional;

/** Turns a stored story into the {@link Hit} the API returns. */
final class HitMapper {
  private HitMapper() {}

  static Hit toHit(StoryDoc doc, double score) {
    var story = doc.story();
    Highlights plain = new Highlights(HtmlEscaper.escape(story.title()), HtmlEscaper.escape(story.excerpt()));
    Optional<ImageRef> image = story.images().stream().findFirst()
        .map(i -> new ImageRef(i.url(), i.width(), i.height()));
    List<ParentLink> parents = doc.parents().stream().map(HitMapper::parent).toList();
    return new Hit(doc.id(), doc.kind(), story.title(), story.excerpt(), plain, story.url(),
        new ProviderRef(story.provider().name(), story.provider().domain()), doc.topics(), doc.category(),
        story.publishedAt(), story.quality(), doc.heat(), doc.published(), score, image, parents, List.of(),
        Optional.empty());
  }

  private static ParentLink parent(ParentRef p) {
    return new ParentLink(p.id(), p.title(), p.url());
  }
}
