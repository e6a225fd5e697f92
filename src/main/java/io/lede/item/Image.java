package io.lede.item;

/** A picture attached to a story; width and height are 0 when the file does not say. */
public record Image(String url, int width, int height, String title, boolean cached) {
  public Image {
    title = title == null ? "" : title;
  }
}
