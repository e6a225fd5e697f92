package io.lede.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lede.search.WordMatch;
import java.io.IOException;

/**
 * The JSON rules of the API, for the server and the CLI's {@code --json} alike: ISO-8601 instants, an empty
 * Optional written as null, a {@link WordMatch} by its label.
 */
public final class JsonMapping {
  private JsonMapping() {}

  public static ObjectMapper mapper() {
    SimpleModule labels = new SimpleModule("lede-labels").addSerializer(new StdSerializer<>(WordMatch.class) {
      @Override
      public void serialize(WordMatch value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.label());
      }
    });
    return new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .registerModule(labels)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }
}
