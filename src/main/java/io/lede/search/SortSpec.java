package io.lede.search;

import io.lede.index.Schema;
import java.util.List;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene sort behind each {@link SortOrder}. Every sort ends with the story id, so equal scores or
 * dates always come out in the same order and a cursor position is exact; field sorts put the score
 * second, so equally new (or good, or hot) stories are ordered by relevance.
 */
final class SortSpec {
  private SortSpec() {}

  static Sort of(SortOrder order) {
    SortField id = new SortField(Schema.ID, SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
      case NEWEST -> new Sort(descending(Schema.PUBLISHED_AT), SortField.FIELD_SCORE, id);
      case QUALITY -> new Sort(descending(Schema.QUALITY), SortField.FIELD_SCORE, id);
      case HEAT -> new Sort(descending(Schema.HEAT), SortField.FIELD_SCORE, id);
    };
  }

  /** Position of the score among the sort values. */
  static int scoreIndex(SortOrder order) {
    return order == SortOrder.RELEVANCE ? 0 : 1;
  }

  /** Whether a cursor's values fit this order (a cursor made for another sort, or tampered with, does not). */
  static boolean fits(SortOrder order, List<Object> after) {
    if (after.isEmpty()) return true;
    List<Class<?>> expected = order == SortOrder.RELEVANCE
        ? List.of(Float.class, BytesRef.class)
        : List.of(Long.class, Float.class, BytesRef.class);
    if (after.size() != expected.size()) return false;
    for (int i = 0; i < expected.size(); i++) if (!expected.get(i).isInstance(after.get(i))) return false;
    return true;
  }

  private static SortField descending(String field) {
    SortField f = new SortField(field, SortField.Type.LONG, true);
    f.setMissingValue(Long.MIN_VALUE); // undated stories last, not first
    return f;
  }
}
