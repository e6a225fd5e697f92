package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cursor comes back as it was made; one of the previous version is still followed; anything else is refused. */
class SearchCursorTest {

  private static final SearchCursor CURSOR = new SearchCursor(SortOrder.RELEVANCE, List.of(3.5f, 42L), List.of("a1", "b2"),
      7, List.of(11, 12, 11), 23);

  @Test
  void roundTrips() {
    assertEquals(CURSOR, SearchCursor.decode(CURSOR.encode()));
  }

  @Test
  void aCursorOfThePreviousVersionIsFollowedWithoutItsPlaceInTheRanking() {
    byte[] bytes = Base64.getUrlDecoder().decode(CURSOR.encode());
    byte[] previous = Arrays.copyOf(bytes, bytes.length - Integer.BYTES); // version 1 ended with the providers
    previous[0] = 1;
    SearchCursor read = SearchCursor.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(previous));
    assertEquals(new SearchCursor(CURSOR.sort(), CURSOR.after(), CURSOR.shown(), CURSOR.position(),
        CURSOR.windowProviders(), -1), read);
  }

  @Test
  void malformedCursorsAreRefused() {
    byte[] bytes = Base64.getUrlDecoder().decode(CURSOR.encode());
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    byte[] unknownVersion = bytes.clone();
    unknownVersion[0] = 9;
    SearchCursor negative = new SearchCursor(SortOrder.RELEVANCE, List.of(), List.of(), 0, List.of(), -2);
    for (String text : List.of(encode(longer), encode(unknownVersion), negative.encode(), "not a cursor")) {
      assertEquals("cursor", assertThrows(InvalidRequestException.class, () -> SearchCursor.decode(text)).parameter(), text);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
