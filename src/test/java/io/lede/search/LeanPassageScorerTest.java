package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The lean passage score is Lucene's, to the bit, for passages with repeated and distinct terms. */
class LeanPassageScorerTest {

  @Test
  void scoresEqualLucenes() {
    PassageScorer lucene = new PassageScorer();
    PassageScorer lean = new LeanPassageScorer();
    String[] words = {"harbour", "strike", "port", "storm", "vote", "minister"};
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      Passage p = new Passage();
      int start = random.nextInt(500);
      p.setStartOffset(start);
      p.setEndOffset(start + 600); // matches must lie inside the passage
      int offset = start;
      int matches = random.nextInt(12); // none as well
      for (int m = 0; m < matches; m++) {
        offset += 1 + random.nextInt(40); // at most 11 matches × 40 + a word: inside the 600
        String word = words[random.nextInt(random.nextBoolean() ? 2 : words.length)]; // repeats are common
        // The same term carries the same frequency in the document, as the highlighter gives it.
        p.addMatch(offset, offset + word.length(), new BytesRef(word), 1 + Math.floorMod(word.hashCode(), 9));
      }
      int contentLength = p.getEndOffset() + random.nextInt(3_000);
      assertEquals(Float.floatToIntBits(lucene.score(p, contentLength)), Float.floatToIntBits(lean.score(p, contentLength)),
          "round " + round + ": " + p);
    }
  }
}
