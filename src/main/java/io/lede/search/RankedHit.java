package io.lede.search;

import io.lede.index.StorySignature;

/**
 * One hit as Lucene ranked it, before stories are collapsed and pages cut: what grouping, the
 * diversity cap and cursors need, read from doc values only.
 *
 * @param rank position in the ranked list this page was cut from (0-based)
 * @param doc Lucene document number in the searcher's reader
 * @param id the story id (the last sort value)
 * @param sortValues the values the hit was sorted by, for the cursor
 * @param publishedMillis null when the story has no date
 */
record RankedHit(int rank, int doc, String id, float score, Object[] sortValues, StorySignature signature,
    Long publishedMillis) {}
