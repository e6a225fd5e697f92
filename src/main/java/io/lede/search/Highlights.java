package io.lede.search;

/** HTML-escaped title and excerpt with matches wrapped in {@code <mark>}; nothing else is markup. */
public record Highlights(String title, String excerpt) {}
