package io.lede.index;

/** The article a related entry was found under. */
public record ParentRef(String id, String title, String url) {}
