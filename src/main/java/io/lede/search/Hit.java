package io.lede.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One story in a result list.
 *
 * @param heat -1 when unknown
 * @param quality -1 when unknown
 * @param alsoFrom the same story from other providers, collapsed into this hit
 * @param explain present when the request asked for it
 */
public record Hit(
    String id,
    String kind,
    String title,
    String excerpt,
    Highlights highlights,
    String url,
    ProviderRef provider,
    List<String> topics,
    String category,
    Optional<Instant> publishedDateTime,
    int quality,
    int heat,
    boolean published,
    double score,
    Optional<ImageRef> image,
    List<ParentLink> parents,
    List<AlsoFrom> alsoFrom,
    Optional<ScoreExplanation> explain) {

  public Hit {
    topics = List.copyOf(topics);
    parents = List.copyOf(parents);
    alsoFrom = List.copyOf(alsoFrom);
  }
}
