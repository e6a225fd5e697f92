package io.lede.item;

import java.util.List;

/**
 * One news item file: an article, the topics and scores the curator gave it, and the related stories
 * found for it at other providers.
 *
 * @param source the file name the item was read from, for problem reports and provenance
 * @param heat how much attention the story gets; {@link Story#UNKNOWN} means not measured, not "cold"
 * @param published the curator's publication flag: something to filter on, never a reason to hide
 * @param body the free text after the closing fence, cleaned; empty when there is none
 */
public record NewsItem(
    String source,
    Story article,
    String category,
    String type,
    List<String> topics,
    int heat,
    boolean published,
    String body,
    List<Story> related) {

  public NewsItem {
    category = category == null ? "" : category;
    type = type == null ? "" : type;
    body = body == null ? "" : body;
    topics = List.copyOf(topics);
    related = List.copyOf(related);
  }
}
