package io.lede.server;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error answer: {@code {"status":400,"error":"size must be between 1 and 100"}}.
 *
 * @param parameter the request parameter at fault, for a 400
 * @param requestId the id to quote when reporting a 500; the server log holds the details under it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String parameter, String requestId) {

  static ApiError of(int status, String error) {
    return new ApiError(status, error, null, null);
  }
}
