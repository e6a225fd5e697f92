package io.lede.search;

/** The article a related entry was found under. */
public record ParentLink(String id, String title, String url) {}
