package io.lede.item;

/**
 * Something in a news file that could not be read as intended.
 *
 * @param file the file name
 * @param line 1-based line in the file, or 0 when it is not known
 * @param field the field concerned (e.g. {@code quality}, {@code related[3].title}), empty for the whole file
 * @param reason what is wrong, in words an operator understands
 * @param fatal true when the file yielded no item at all; false when only that field was lost
 */
public record ItemProblem(String file, int line, String field, String reason, boolean fatal) {

  public static ItemProblem ofFile(String file, int line, String reason) {
    return new ItemProblem(file, line, "", reason, true);
  }

  public static ItemProblem ofField(String file, int line, String field, String reason) {
    return new ItemProblem(file, line, field, reason, false);
  }

  /** One line for logs: {@code file:line: field: reason}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) s.append(':').append(line);
    s.append(": ");
    if (!field.isEmpty()) s.append(field).append(": ");
    return s.append(reason).toString();
  }
}
