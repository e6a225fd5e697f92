package io.lede.server;

/** The server cannot answer this request now (over its time limit, overloaded, no index open): 503. */
final class ServiceUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ServiceUnavailableException(String message) {
    super(message, null, false, false); // an expected condition: no stack trace to fill or log
  }
}
