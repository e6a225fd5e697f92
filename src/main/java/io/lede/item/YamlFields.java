package io.lede.item;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads from a composed YAML node tree. A value of the wrong shape is reported as a problem for
 * its field (with the file line) and read as absent, so one bad field never costs the item.
 */
final class YamlFields {

  private static final Set<Tag> PLAIN_DATA_TAGS = Set.of(
      Tag.MAP, Tag.SEQ, Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MERGE);

  private final String file;
  private final int firstLine;
  private final List<ItemProblem> problems;

  YamlFields(String file, int firstLine, List<ItemProblem> problems) {
    this.file = file;
    this.firstLine = firstLine;
    this.problems = problems;
  }

  /** The first node tagged with something that is not plain YAML data ({@code !!java.net.URL}, {@code !custom}), if any. */
  static Optional<Node> firstForeignTag(Node root) {
    // Visit each node once: aliases share nodes, so this stays linear even for an alias bomb.
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (!seen.add(node)) continue;
      if (!PLAIN_DATA_TAGS.contains(node.getTag())) return Optional.of(node);
      if (node instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          pending.push(t.getKeyNode());
          pending.push(t.getValueNode());
        }
      } else if (node instanceof SequenceNode s) {
        s.getValue().forEach(pending::push);
      }
    }
    return Optional.empty();
  }

  /** The mapping's entries by key; later duplicates win, as in most YAML readers. */
  Map<String, Node> entries(MappingNode mapping) {
    Map<String, Node> entries = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode key) entries.put(key.getValue(), t.getValueNode());
    }
    return entries;
  }

  int line(Node node) {
    return node == null || node.getStartMark() == null ? 0 : firstLine + node.getStartMark().getLine();
  }

  void problem(Node node, String field, String reason) {
    problems.add(ItemProblem.ofField(file, line(node), field, reason));
  }

  String file() {
    return file;
  }

  /** A raw (uncleaned) string, or empty when absent, null or of the wrong shape. */
  Optional<String> string(Node node, String field) {
    if (node == null || isNull(node)) return Optional.empty();
    if (node instanceof ScalarNode s) return Optional.of(s.getValue());
    problem(node, field, "expected text, found " + shape(node));
    return Optional.empty();
  }

  OptionalInt integer(Node node, String field) {
    Optional<String> raw = string(node, field);
    if (raw.isEmpty()) return OptionalInt.empty();
    String value = raw.get().strip().replace("_", "");
    BigDecimal number;
    try {
      number = new BigDecimal(value);
    } catch (NumberFormatException e) {
      problem(node, field, "expected a whole number, found '" + abbreviate(raw.get()) + "'");
      return OptionalInt.empty();
    }
    // Check the magnitude before rounding: rounding "1e99999999" would build a 100-million-digit number.
    if (number.precision() - number.scale() > 10) {
      problem(node, field, "number out of range: '" + abbreviate(raw.get()) + "'");
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(number.setScale(0, RoundingMode.HALF_UP).intValueExact());
    } catch (ArithmeticException e) {
      problem(node, field, "number out of range: '" + abbreviate(raw.get()) + "'");
      return OptionalInt.empty();
    }
  }

  Optional<Boolean> bool(Node node, String field) {
    Optional<String> raw = string(node, field);
    if (raw.isEmpty()) return Optional.empty();
    return switch (raw.get().strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y", "1" -> Optional.of(true);
      case "false", "no", "off", "n", "0" -> Optional.of(false);
      default -> {
        problem(node, field, "expected true or false, found '" + abbreviate(raw.get()) + "'");
        yield Optional.empty();
      }
    };
  }

  /** ISO-8601 with Z or an offset, YAML's space-separated form, or a bare date (read as midnight UTC). */
  Optional<Instant> instant(Node node, String field) {
    Optional<String> raw = string(node, field);
    if (raw.isEmpty()) return Optional.empty();
    String value = raw.get().strip();
    String iso = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + 'T' + value.substring(11).strip() : value;
    try {
      return Optional.of(OffsetDateTime.parse(iso.replace(" ", "")).toInstant());
    } catch (DateTimeParseException notOffset) {
      try {
        return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notLocal) {
        try {
          return Optional.of(LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notDate) {
          problem(node, field, "expected an ISO-8601 date, found '" + abbreviate(value) + "'");
          return Optional.empty();
        }
      }
    }
  }

  /** A list of scalars; a lone scalar counts as a list of one. */
  List<String> strings(Node node, String field) {
    if (node == null || isNull(node)) return List.of();
    if (node instanceof ScalarNode s) return List.of(s.getValue());
    if (!(node instanceof SequenceNode seq)) {
      problem(node, field, "expected a list, found " + shape(node));
      return List.of();
    }
    java.util.ArrayList<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      string(seq.getValue().get(i), field + "[" + i + "]").ifPresent(values::add);
    }
    return values;
  }

  /** The list's elements; a lone mapping counts as a list of one. */
  List<Node> sequence(Node node, String field) {
    if (node == null || isNull(node)) return List.of();
    if (node instanceof SequenceNode seq) return seq.getValue();
    if (node instanceof MappingNode) return List.of(node);
    problem(node, field, "expected a list, found " + shape(node));
    return List.of();
  }

  Optional<MappingNode> mapping(Node node, String field) {
    if (node == null || isNull(node)) return Optional.empty();
    if (node instanceof MappingNode m) return Optional.of(m);
    problem(node, field, "expected a mapping of fields, found " + shape(node));
    return Optional.empty();
  }

  private static boolean isNull(Node node) {
    return node.getTag().equals(Tag.NULL);
  }

  private static String shape(Node node) {
    if (node instanceof SequenceNode) return "a list";
    if (node instanceof MappingNode) return "a mapping";
    return "'" + abbreviate(((ScalarNode) node).getValue()) + "'";
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
