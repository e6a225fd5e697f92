package io.lede.search;

/** A picture for a hit. */
public record ImageRef(String url, int width, int height) {}
