package io.lede.index;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The content hash the manifest records for a file: SHA-256 of its bytes, first 128 bits in hex. */
final class ContentHash {
  /** Recorded for a file that could not be read, so it is looked at again on every run. */
  static final String UNREADABLE = "unreadable";

  private ContentHash() {}

  static String of(byte[] content) {
    if (content == null) return UNREADABLE;
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
