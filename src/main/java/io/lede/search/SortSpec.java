package io.lede.search;

import io.lede.index.DocumentMapper;
import io.lede.index.Schema;
import java.util.List;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene sort behind each {@link SortOrder}. Every sort ends with the story id, so equal scores or
 * dates always come out in the same order and a cursor position is exact; field sorts put the score
 * second, so equally new (or good, or hot) stories are ordered by relevance. The id is compared as its
 * 64-bit {@link Schema#ID_KEY}: a string comparator has to look the bottom of the queue up in every
 * segment's terms, often, which showed as a fifth of the collection time on a million stories.
 */
final class SortSpec {
  private SortSpec() {}

  /** @param numericId the index has {@link Schema#ID_KEY} (generations built before it do not) */
  static Sort of(SortOrder order, boolean numericId) {
    SortField id = numericId ? new SortField(Schema.ID_KEY, SortField.Type.LONG) : new SortField(Schema.ID, SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
      case NEWEST -> new Sort(descending(Schema.PUBLISHED_AT), SortField.FIELD_SCORE, id);
      case OLDEST -> new Sort(ascending(Schema.PUBLISHED_AT), SortField.FIELD_SCORE, id);
      case QUALITY -> new Sort(descending(Schema.QUALITY), SortField.FIELD_SCORE, id);
      case HEAT -> new Sort(descending(Schema.HEAT), SortField.FIELD_SCORE, id);
    };
  }

  /** Position of the score among the sort values. */
  static int scoreIndex(SortOrder order) {
    return order == SortOrder.RELEVANCE ? 0 : 1;
  }

  /** Whether a cursor's values fit this order (a cursor made for another sort, or tampered with, does not). */
  static boolean fits(SortOrder order, boolean numericId, List<Object> after) {
    if (after.isEmpty()) return true;
    Class<?> id = numericId ? Long.class : BytesRef.class;
    List<Class<?>> expected = order == SortOrder.RELEVANCE
        ? List.of(Float.class, id)
        : List.of(Long.class, Float.class, id);
    if (after.size() != expected.size()) return false;
    for (int i = 0; i < expected.size(); i++) if (!expected.get(i).isInstance(after.get(i))) return false;
    return true;
  }

  /** The story id a hit's last sort value stands for. */
  static String idOf(Object lastSortValue) {
    return lastSortValue instanceof Long key ? DocumentMapper.idOfKey(key) : ((BytesRef) lastSortValue).utf8ToString();
  }

  private static SortField ascending(String field) {
    SortField f = new SortField(field, SortField.Type.LONG);
    f.setMissingValue(Long.MAX_VALUE); // undated stories last here too
    return f;
  }

  private static SortField descending(String field) {
    SortField f = new SortField(field, SortField.Type.LONG, true);
    f.setMissingValue(Long.MIN_VALUE); // undated stories last, not first
    return f;
  }
}
