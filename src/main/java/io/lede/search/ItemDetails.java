package io.lede.search;

import java.util.List;

/**
 * Everything Lede knows about one story: the hit plus the body, alternate URLs, images and the files it
 * was read from.
 */
public record ItemDetails(Hit hit, String body, List<String> alternateUrls, List<ImageRef> images, List<String> sources) {
  public ItemDetails {
    alternateUrls = List.copyOf(alternateUrls);
    images = List.copyOf(images);
    sources = List.copyOf(sources);
  }
}
