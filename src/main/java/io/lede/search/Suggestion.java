package io.lede.search;

/** A title that completes what the reader is typing. */
public record Suggestion(String text, String id) {}
