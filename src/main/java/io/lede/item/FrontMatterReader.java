package io.lede.item;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one news item file: {@code ---}, a YAML mapping, {@code ---}, then an optional body.
 *
 * <p>The YAML is only <em>composed</em> into a node tree, never constructed into objects, so no tag
 * can instantiate a class; {@link LoaderOptions} bound aliases, nesting and size so a hostile file
 * cannot exhaust memory. Every problem is reported with the file name and line; a problem in one
 * field costs that field, not the item.
 */
public final class FrontMatterReader {

  /** Files above this size are refused before parsing: no real news item comes close. */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  private static final String FENCE = "---";
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final LoaderOptions options;

  public FrontMatterReader() {
    options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(MAX_FILE_BYTES);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
  }

  /** Reads and parses {@code file}; I/O failures become a reported problem, never an exception. */
  public ParseResult read(Path file) {
    String name = file.getFileName().toString();
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        return failed(ItemProblem.ofFile(name, 0, "file is " + size + " bytes, above the limit of " + MAX_FILE_BYTES));
      }
      return parse(name, Files.readAllBytes(file));
    } catch (IOException e) {
      return failed(ItemProblem.ofFile(name, 0, "cannot read file: " + e.getMessage()));
    }
  }

  /** Parses the bytes of a file called {@code name}. */
  public ParseResult parse(String name, byte[] content) {
    List<ItemProblem> problems = new ArrayList<>();
    String text = decode(name, content, problems);
    if (text.isBlank()) {
      problems.add(ItemProblem.ofFile(name, 1, "empty file"));
      return new ParseResult(Optional.empty(), problems);
    }
    String[] lines = text.split("\n", -1);
    int open = firstNonBlankLine(lines);
    if (!isFence(lines[open])) {
      problems.add(ItemProblem.ofFile(name, open + 1, "file does not start with a '---' line; expected YAML front matter"));
      return new ParseResult(Optional.empty(), problems);
    }
    int close = open + 1;
    while (close < lines.length && !isFence(lines[close])) close++;
    if (close == lines.length) {
      problems.add(ItemProblem.ofFile(name, open + 1, "front matter opened with '---' here is never closed by a second '---' line"));
      return new ParseResult(Optional.empty(), problems);
    }
    String yamlText = String.join("\n", java.util.Arrays.asList(lines).subList(open + 1, close));
    String body = String.join("\n", java.util.Arrays.asList(lines).subList(close + 1, lines.length));
    int firstYamlLine = open + 2;

    Node root;
    try {
      root = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
          new org.yaml.snakeyaml.DumperOptions(), options, new PlainDataResolver()).compose(new java.io.StringReader(yamlText));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 0 : firstYamlLine + mark.getLine();
      problems.add(ItemProblem.ofFile(name, line, "malformed YAML: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage())));
      return new ParseResult(Optional.empty(), problems);
    } catch (ReaderException e) {
      // A character YAML does not allow (a control character, say); the position counts code points.
      int end = yamlText.offsetByCodePoints(0, Math.min(e.getPosition(), yamlText.codePointCount(0, yamlText.length())));
      int line = firstYamlLine + (int) yamlText.substring(0, end).chars().filter(c -> c == '\n').count();
      problems.add(ItemProblem.ofFile(name, line, String.format(
          "YAML refused: character U+%04X is not allowed (%s)", e.getCodePoint(), firstLine(e.getMessage()))));
      return new ParseResult(Optional.empty(), problems);
    } catch (YAMLException e) {
      problems.add(ItemProblem.ofFile(name, 0, "YAML refused: " + firstLine(e.getMessage())));
      return new ParseResult(Optional.empty(), problems);
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.add(ItemProblem.ofFile(name, firstYamlLine, "front matter is not a YAML mapping of fields"));
      return new ParseResult(Optional.empty(), problems);
    }
    Optional<Node> tagged = YamlFields.firstForeignTag(mapping);
    if (tagged.isPresent()) {
      Node node = tagged.get();
      int line = node.getStartMark() == null ? firstYamlLine : firstYamlLine + node.getStartMark().getLine();
      problems.add(ItemProblem.ofFile(name, line, "YAML tag " + node.getTag().getValue() + " is not allowed; only plain data is read"));
      return new ParseResult(Optional.empty(), problems);
    }
    YamlFields fields = new YamlFields(name, firstYamlLine, problems);
    Optional<NewsItem> item = new ItemAssembler(fields).assemble(mapping, body);
    return new ParseResult(item, problems);
  }

  private static ParseResult failed(ItemProblem problem) {
    return new ParseResult(Optional.empty(), List.of(problem));
  }

  private static String decode(String name, byte[] content, List<ItemProblem> problems) {
    String text = utf16(content);
    if (text == null) text = utf8OrWindows1252(name, content, problems);
    return text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
  }

  /** The text of a file that starts with a UTF-16 byte order mark (PowerShell's default); null for any other. */
  private static String utf16(byte[] content) {
    boolean bom = content.length >= 2 && ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE
        || (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF);
    if (!bom) return null;
    try {
      return StandardCharsets.UTF_16.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String utf8OrWindows1252(String name, byte[] content, List<ItemProblem> problems) {
    int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      // Feeds that are not UTF-8 are nearly always Windows-1252; reading them so loses nothing.
      // The decoder stops at the first bad byte, so its position gives the line to look at.
      int line = 1;
      for (int i = start; i < bytes.position(); i++) {
        if (content[i] == '\n') line++;
      }
      problems.add(ItemProblem.ofField(name, line, "encoding", "file is not valid UTF-8; read as Windows-1252"));
      return new String(content, start, content.length - start, WINDOWS_1252);
    }
  }

  private static int firstNonBlankLine(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) return i;
    }
    return 0;
  }

  private static boolean isFence(String line) {
    return line.stripTrailing().equals(FENCE);
  }

  private static String firstLine(String message) {
    if (message == null) return "unknown error";
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
