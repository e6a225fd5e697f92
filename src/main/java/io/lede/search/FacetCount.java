package io.lede.search;

/** One facet value and how many hits of the current query carry it. */
public record FacetCount(String value, long count) {}
