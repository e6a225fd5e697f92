package io.lede.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The index home directory: numbered generations under {@code generations/}, and a pointer file
 * {@code CURRENT} naming the live one. Readers always open the generation the pointer names; the
 * pointer is replaced atomically (temp file, fsync, rename), so a reader sees the old or the new
 * generation, never a half-written one.
 */
public final class IndexHome {

  public static final String POINTER = "CURRENT";
  public static final String GENERATIONS = "generations";
  private static final Pattern GENERATION_NAME = Pattern.compile("\\d{6}");

  private final Path root;

  public IndexHome(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  public Path generationsDir() {
    return root.resolve(GENERATIONS);
  }

  public Path generationDir(String generation) {
    return generationsDir().resolve(generation);
  }

  /** The name of the live generation, if one has been published. */
  public Optional<String> liveGeneration() throws IOException {
    Path pointer = root.resolve(POINTER);
    if (!Files.isRegularFile(pointer)) return Optional.empty();
    String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    if (!GENERATION_NAME.matcher(name).matches() || !Files.isDirectory(generationDir(name))) return Optional.empty();
    return Optional.of(name);
  }

  /** The directory of the live generation, if there is one. */
  public Optional<Path> liveDir() throws IOException {
    return liveGeneration().map(this::generationDir);
  }

  /** Every generation on disk, oldest first. */
  public List<String> generations() throws IOException {
    if (!Files.isDirectory(generationsDir())) return List.of();
    try (Stream<Path> dirs = Files.list(generationsDir())) {
      return dirs.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> GENERATION_NAME.matcher(n).matches())
          .sorted()
          .toList();
    }
  }

  /** Creates the directory for a new generation, numbered after every existing one. */
  public String createGeneration() throws IOException {
    Files.createDirectories(generationsDir());
    List<String> existing = generations();
    int next = existing.isEmpty() ? 1 : Integer.parseInt(existing.get(existing.size() - 1)) + 1;
    String name = String.format("%06d", next);
    Files.createDirectory(generationDir(name));
    return name;
  }

  /** Makes {@code generation} the live one, atomically. */
  public void publish(String generation) throws IOException {
    if (!Files.isDirectory(generationDir(generation))) {
      throw new IOException("generation " + generation + " does not exist under " + generationsDir());
    }
    Path tmp = root.resolve(POINTER + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap((generation + "\n").getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
    try {
      Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system under " + root + " cannot replace files atomically", e);
    }
    fsyncDirectory(root);
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // Some platforms cannot open a directory for fsync; the rename itself is still atomic there.
    }
  }
}
