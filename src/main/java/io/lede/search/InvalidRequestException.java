package io.lede.search;

/** A search request that cannot be answered as asked; {@link #parameter()} names the culprit. */
public final class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public InvalidRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
