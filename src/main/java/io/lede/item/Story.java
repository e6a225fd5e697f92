package io.lede.item;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an article and each of its related entries have in common: one news story from one provider.
 *
 * @param url the canonical URL (the non-AMP original when the file has one); empty when none is usable
 * @param alternateUrls every other distinct URL the file gives for the same story (AMP and CDN copies)
 * @param publishedAt empty when the file gives no readable date
 * @param quality editorial quality score, {@link #UNKNOWN} when absent
 */
public record Story(
    String title,
    String excerpt,
    Optional<Instant> publishedAt,
    String url,
    List<String> alternateUrls,
    Provider provider,
    int quality,
    List<Image> images) {

  /** Marks a score the file does not give; such a score must never count as "bad". */
  public static final int UNKNOWN = -1;

  public Story {
    title = title == null ? "" : title;
    excerpt = excerpt == null ? "" : excerpt;
    url = url == null ? "" : url;
    alternateUrls = List.copyOf(alternateUrls);
    images = List.copyOf(images);
    provider = provider == null ? Provider.UNKNOWN : provider;
  }
}
