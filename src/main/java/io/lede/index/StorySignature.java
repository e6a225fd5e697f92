package io.lede.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * A compact fingerprint of a story, written at index time as doc values so that search can tell
 * near-identical stories apart from merely similar ones without loading any stored document.
 *
 * <p>It holds the set of the title's normalised words (stemmed, stop words dropped, each hashed to
 * an int) for a Jaccard comparison — "Facebook to Pay $550 Million to Settle Facial Recognition
 * Suit" and "... Lawsuit" share 7 of 9 — and a 64-bit SimHash of the excerpt, whose Hamming distance
 * is small only for near-identical texts. The provider is hashed too, for the diversity cap.
 *
 * @param provider hash of the lower-cased provider name
 * @param textHash SimHash of the excerpt's normalised words; 0 when the excerpt has too few words
 * @param textWords how many normalised words the excerpt has
 * @param titleWords sorted, distinct hashes of the title's normalised words
 */
public record StorySignature(int provider, long textHash, int textWords, int[] titleWords) {

  /**
   * Normalises text the way the stemmed search fields index it, so "lawsuits" and "lawsuit" are one word,
   * and "Beyoncé" shares a word with "Beyonce".
   */
  public static final class Maker {
    private final Analyzer analyzer = Schema.analyzer();

    public StorySignature of(String provider, String title, String excerpt) {
      return fromWords(provider, words(title), words(excerpt));
    }

    /** The signature from title and excerpt words already normalised as {@link #of} would. */
    public static StorySignature fromWords(String provider, String[] title, String[] excerpt) {
      TreeSet<Integer> titleSet = new TreeSet<>();
      for (String w : title) titleSet.add(w.hashCode());
      int[] titleWords = titleSet.stream().mapToInt(Integer::intValue).toArray();
      return new StorySignature(providerHash(provider), simHash(excerpt), excerpt.length, titleWords);
    }

    private String[] words(String text) {
      if (text == null || text.isEmpty()) return new String[0];
      try (TokenStream ts = analyzer.tokenStream(Schema.TITLE, text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        while (ts.incrementToken()) out.add(term.toString());
        ts.end();
        return out.toArray(String[]::new);
      } catch (IOException e) {
        throw new UncheckedIOException("analysing in memory cannot fail", e);
      }
    }
  }

  public static int providerHash(String provider) {
    return provider == null ? 0 : provider.strip().toLowerCase(Locale.ROOT).hashCode();
  }

  /** Jaccard similarity of the title word sets, 0 to 1. */
  public double titleSimilarity(StorySignature other) {
    int[] a = titleWords, b = other.titleWords;
    if (a.length == 0 || b.length == 0) return 0;
    int i = 0, j = 0, common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common / (double) (a.length + b.length - common);
  }

  /** Bits in which the two excerpt SimHashes differ: 0 for identical texts, about 32 for unrelated ones. */
  public int textDistance(StorySignature other) {
    return Long.bitCount(textHash ^ other.textHash);
  }

  public BytesRef encode() {
    ByteBuffer buf = ByteBuffer.allocate(4 + 8 + 4 + 4 + 4 * titleWords.length);
    buf.putInt(provider).putLong(textHash).putInt(textWords).putInt(titleWords.length);
    for (int w : titleWords) buf.putInt(w);
    return new BytesRef(buf.array());
  }

  public static StorySignature decode(BytesRef bytes) {
    ByteBuffer buf = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
    int provider = buf.getInt();
    long textHash = buf.getLong();
    int textWords = buf.getInt();
    int[] titleWords = new int[buf.getInt()];
    for (int i = 0; i < titleWords.length; i++) titleWords[i] = buf.getInt();
    return new StorySignature(provider, textHash, textWords, titleWords);
  }

  /** Charikar's SimHash over word features: similar word sets give hashes differing in few bits. */
  static long simHash(String[] words) {
    if (words.length == 0) return 0;
    int[] votes = new int[64];
    for (String w : words) {
      long h = hash64(w);
      for (int bit = 0; bit < 64; bit++) votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
    }
    long out = 0;
    for (int bit = 0; bit < 64; bit++) if (votes[bit] > 0) out |= 1L << bit;
    return out;
  }

  /** FNV-1a over UTF-8, finished with the SplitMix64 mixer so every bit depends on every byte. */
  private static long hash64(String word) {
    long h = 0xcbf29ce484222325L;
    for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorySignature s && provider == s.provider && textHash == s.textHash
        && textWords == s.textWords && Arrays.equals(titleWords, s.titleWords);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(textHash) + Arrays.hashCode(titleWords);
  }

  @Override
  public String toString() {
    return "StorySignature[provider=" + provider + ", textHash=" + Long.toHexString(textHash) + ", textWords="
        + textWords + ", titleWords=" + titleWords.length + "]";
  }
}
