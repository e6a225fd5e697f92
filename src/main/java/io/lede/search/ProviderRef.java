package io.lede.search;

/** A provider as shown in a hit. */
public record ProviderRef(String name, String domain) {}
