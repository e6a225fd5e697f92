package io.lede.search;

/** Another provider's copy of the same story, collapsed into a hit. */
public record AlsoFrom(String id, String title, String url, ProviderRef provider) {}
