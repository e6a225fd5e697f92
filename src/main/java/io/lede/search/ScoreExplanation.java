package io.lede.search;

/**
 * Why a hit scored what it did: {@code score = text × quality × heat × recency}.
 *
 * @param text the BM25 text relevance
 * @param quality the quality factor (1 = neutral)
 * @param heat the heat factor (1 for unknown heat)
 * @param recency the recency factor
 * @param score the product, equal to the hit's score
 */
public record ScoreExplanation(double text, double quality, double heat, double recency, double score) {}
