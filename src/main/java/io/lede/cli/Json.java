package io.lede.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lede.server.JsonMapping;

/** JSON output for {@code --json}: the same shapes, written by the same rules, as the HTTP API's. */
final class Json {
  static final ObjectMapper MAPPER = JsonMapping.mapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}
}
