package io.lede.search;

/** Another copy of the same story — another provider's, or the same provider's repeat — collapsed into a hit. */
public record AlsoFrom(String id, String title, String url, ProviderRef provider) {}
