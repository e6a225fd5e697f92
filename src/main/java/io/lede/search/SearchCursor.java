package io.lede.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Where the next page starts: the sort values of the last hit consumed (Lucene's search-after) and the
 * ids of hits beyond it that were already shown — as members of a collapsed story or pulled forward —
 * so they are not shown twice. Because the sort always ends with the story id, the position does not
 * depend on Lucene's internal document numbers and survives an index refresh.
 *
 * <p>Opaque to clients: URL-safe base64 of a small versioned binary record.
 *
 * @param sort the sort order the cursor was made for
 * @param after sort values of the last consumed hit; empty for "from the start"
 * @param shown ids after that position already shown
 * @param position how many stories earlier pages showed
 * @param windowProviders providers of the stories shown inside the provider-cap window, so the cap
 *     holds across pages smaller than the window
 * @param consumed how many hits rank up to {@code after}: where the next page's hits start in the whole
 *     ranking, which the provider cap needs; -1 in a cursor made before it was recorded
 */
record SearchCursor(SortOrder sort, List<Object> after, List<String> shown, int position, List<Integer> windowProviders,
    int consumed) {

  private static final int VERSION = 2;
  /** Cursors of the previous version are still followed, the cap without its horizon as then. */
  private static final int VERSION_WITHOUT_CONSUMED = 1;
  private static final byte FLOAT = 'f';
  private static final byte LONG = 'l';
  private static final byte BYTES = 'b';

  SearchCursor {
    after = List.copyOf(after);
    shown = List.copyOf(shown);
    windowProviders = List.copyOf(windowProviders);
  }

  /** The Lucene search-after position, or null to start at the beginning. */
  FieldDoc fieldDoc() {
    if (after.isEmpty()) return null;
    // The doc number only breaks ties between equal sort values, and the id at the end never ties.
    return new FieldDoc(Integer.MAX_VALUE, Float.NaN, after.toArray());
  }

  String encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeByte(sort.ordinal());
      out.writeByte(after.size());
      for (Object v : after) {
        switch (v) {
          case Float f -> {
            out.writeByte(FLOAT);
            out.writeFloat(f);
          }
          case Long l -> {
            out.writeByte(LONG);
            out.writeLong(l);
          }
          case BytesRef b -> {
            out.writeByte(BYTES);
            out.writeShort(b.length);
            out.write(b.bytes, b.offset, b.length);
          }
          default -> throw new IllegalStateException("unexpected sort value " + v.getClass());
        }
      }
      out.writeShort(shown.size());
      for (String id : shown) out.writeUTF(id);
      out.writeInt(position);
      out.writeByte(windowProviders.size());
      for (int p : windowProviders) out.writeInt(p);
      out.writeInt(consumed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  /** Reads a cursor a client sent back; anything malformed is an {@link InvalidRequestException}. */
  static SearchCursor decode(String text) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(text.strip())))) {
      int version = in.readByte();
      if (version != VERSION && version != VERSION_WITHOUT_CONSUMED) throw invalid();
      int sortOrdinal = in.readByte();
      if (sortOrdinal < 0 || sortOrdinal >= SortOrder.values().length) throw invalid();
      int n = in.readByte();
      if (n < 0 || n > 8) throw invalid();
      List<Object> after = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        byte type = in.readByte();
        switch (type) {
          case FLOAT -> after.add(in.readFloat());
          case LONG -> after.add(in.readLong());
          case BYTES -> {
            byte[] b = new byte[in.readUnsignedShort()];
            in.readFully(b);
            after.add(new BytesRef(b));
          }
          default -> throw invalid();
        }
      }
      int shownCount = in.readUnsignedShort();
      if (shownCount > 10_000) throw invalid();
      List<String> shown = new ArrayList<>(shownCount);
      for (int i = 0; i < shownCount; i++) shown.add(in.readUTF());
      int position = in.readInt();
      int providers = in.readByte();
      if (position < 0 || providers < 0) throw invalid();
      List<Integer> windowProviders = new ArrayList<>(providers);
      for (int i = 0; i < providers; i++) windowProviders.add(in.readInt());
      int consumed = version == VERSION ? in.readInt() : -1;
      if (consumed < -1 || in.read() != -1) throw invalid();
      return new SearchCursor(SortOrder.values()[sortOrdinal], after, shown, position, windowProviders, consumed);
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof InvalidRequestException ire) throw ire;
      throw invalid();
    }
  }

  private static InvalidRequestException invalid() {
    return new InvalidRequestException("cursor", "cursor is not valid: pass back a nextCursor exactly as received");
  }
}
