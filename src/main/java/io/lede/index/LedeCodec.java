package io.lede.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.LZ4WithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields cut into smaller compressed blocks. Every search page
 * loads the source of its ten hits, each from a different place of the index; the default format
 * decompresses about 8 KiB of neighbours to reach one document, which was a sixth of a hits-only
 * search's CPU. Blocks of {@link #CHUNK_BYTES} (LZ4 sub-blocks of a tenth of that, with a shared
 * dictionary) leave a fraction of that work, for about 40 % more stored bytes (16 → 23 MB on the real
 * 40k-story corpus).
 *
 * <p>Found by name through Java's service loader ({@code META-INF/services}), as every Lucene codec is,
 * so any Lucene program with Lede on its class path reads the index; indexes written with the plain
 * default codec stay readable too.
 */
public final class LedeCodec extends FilterCodec {

  public static final String NAME = "Lede104";

  /** Uncompressed bytes per stored-fields chunk (the default format uses 80 KiB). */
  static final int CHUNK_BYTES = 16 * 1024;
  /** Documents per chunk at most: with small sources the byte bound is the one that counts. */
  static final int MAX_DOCS_PER_CHUNK = 512;
  /** Chunks per block of the chunk index, as the default format. */
  static final int INDEX_BLOCK_SHIFT = 10;

  private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat("LedeStoredFieldsData",
      new LZ4WithPresetDictCompressionMode(), CHUNK_BYTES, MAX_DOCS_PER_CHUNK, INDEX_BLOCK_SHIFT);

  public LedeCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }

  /** The codec every story index is written with. */
  public static Codec instance() {
    return Codec.forName(NAME);
  }
}
