package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lede.item.FrontMatterReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The streaming source reader gives exactly what Jackson's data binding gives, or nothing. */
class SourceReaderTest {

  @Test
  void agreesWithDataBindingOnEverySeedStory() throws Exception {
    DocumentMapper mapper = new DocumentMapper();
    FrontMatterReader reader = new FrontMatterReader();
    int stories = 0;
    for (Path file : IndexBuilder.itemFiles(Path.of("seeds"))) {
      for (StoryDoc doc : reader.read(file).item().map(StoryDoc::of).orElseThrow()) {
        BytesRef source = mapper.toDocument(doc).getBinaryValue(Schema.SOURCE);
        Optional<StoryDoc> fast = SourceReader.read(source.bytes, source.offset, source.length);
        assertTrue(fast.isPresent(), doc.id());
        assertEquals(DocumentMapper.bound(source), fast.get());
        assertEquals(doc, fast.get());
        stories++;
      }
    }
    assertTrue(stories > 5, "every seed file holds stories");
  }

  @Test
  void givesUpOnShapesItDoesNotKnow() {
    for (String json : new String[] {"{}", "[]", "{\"id\":\"x\",\"extra\":1}", "not json", "{\"id\":\"x\"} trailing"}) {
      byte[] b = json.getBytes(StandardCharsets.UTF_8);
      assertTrue(SourceReader.read(b, 0, b.length).isEmpty(), json);
    }
  }
}
