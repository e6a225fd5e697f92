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
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The index home directory: numbered generations under {@code generations/}, and a pointer file
 * {@code CURRENT} naming the live one. Readers always open the generation the pointer names; the
 * pointer is replaced atomically (temp file, fsync, rename), so a reader sees the old or the new
 * generation, never a half-written one.
 *
 * <p>A generation is <em>ready</em> once its build finished and passed validation: a marker file
 * ({@value #READY_MARKER}) is then written into it, durably, before it can be published. A generation
 * that is neither ready nor live is the remains of a build that crashed or was killed, and is removed
 * by the next writer (who holds the {@link WriteLock}, so no build can be running in it).
 */
public final class IndexHome {

  public static final String POINTER = "CURRENT";
  public static final String GENERATIONS = "generations";
  /** Written into a generation once it is complete and validated; Lucene ignores files it does not know. */
  public static final String READY_MARKER = "lede-ready.properties";
  /** A generation being deleted is first renamed to {@code NNNNNN.deleting}, so no half-deleted one looks whole. */
  private static final String DELETING_SUFFIX = ".deleting";
  /** The last number handed out, so a rejected or crashed build's number is never reused for another build. */
  private static final String LAST_NUMBER = ".last";
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
    return createGeneration(List.of());
  }

  /**
   * Creates the directory for a new generation, numbered after every existing one and after
   * {@code retired} (generations just removed), so a name never means two different builds in one log.
   */
  public String createGeneration(java.util.Collection<String> retired) throws IOException {
    Files.createDirectories(generationsDir());
    List<String> taken = new java.util.ArrayList<>(generations());
    taken.addAll(retired);
    Path last = generationsDir().resolve(LAST_NUMBER);
    if (Files.isRegularFile(last)) {
      String n = Files.readString(last, StandardCharsets.UTF_8).strip();
      if (GENERATION_NAME.matcher(n).matches()) taken.add(n);
    }
    int next = taken.stream().mapToInt(Integer::parseInt).max().orElse(0) + 1;
    String name = String.format("%06d", next);
    Files.createDirectory(generationDir(name));
    Files.writeString(last, name + "\n", StandardCharsets.UTF_8);
    return name;
  }

  /** True when {@code generation} finished building and passed validation (or was forced). */
  public boolean isReady(String generation) {
    return Files.isRegularFile(generationDir(generation).resolve(READY_MARKER));
  }

  /** What the ready marker of {@code generation} says (empty when it is not ready). */
  public Properties readyInfo(String generation) throws IOException {
    Properties p = new Properties();
    Path marker = generationDir(generation).resolve(READY_MARKER);
    if (Files.isRegularFile(marker)) {
      try (var in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
        p.load(in);
      }
    }
    return p;
  }

  /** Marks {@code generation} ready, durably: the marker is fsynced and renamed into place. */
  public void markReady(String generation, Properties info) throws IOException {
    Path dir = generationDir(generation);
    Path tmp = dir.resolve(READY_MARKER + ".tmp");
    var text = new java.io.StringWriter();
    info.store(text, "this generation is complete and passed validation");
    writeDurably(tmp, text.toString());
    Files.move(tmp, dir.resolve(READY_MARKER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsyncDirectory(dir);
  }

  /** The newest ready generation older than the live one: where a rollback goes. */
  public Optional<String> previousGeneration() throws IOException {
    Optional<String> live = liveGeneration();
    if (live.isEmpty()) return Optional.empty();
    List<String> all = generations();
    for (int i = all.size() - 1; i >= 0; i--) {
      String g = all.get(i);
      if (g.compareTo(live.get()) < 0 && isReady(g)) return Optional.of(g);
    }
    return Optional.empty();
  }

  /**
   * Removes {@code generation}. It is renamed out of the generation namespace first (one atomic step),
   * so a crash half-way through deleting never leaves something that looks like a whole generation.
   * A server still reading it keeps its open files (POSIX unlink semantics) until it switches.
   */
  public void deleteGeneration(String generation) throws IOException {
    if (liveGeneration().filter(generation::equals).isPresent()) {
      throw new IOException("refusing to delete the live generation " + generation);
    }
    Path dir = generationDir(generation);
    if (!Files.exists(dir)) return;
    Path doomed = generationsDir().resolve(generation + DELETING_SUFFIX);
    Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(doomed);
  }

  /**
   * Removes what crashed writers left: generations that are neither ready nor live, half-deleted
   * generations, a temporary pointer. Only call while holding the {@link WriteLock}. Returns the
   * generations removed.
   */
  public List<String> removeLeftovers() throws IOException {
    Files.deleteIfExists(root.resolve(POINTER + ".tmp"));
    List<String> removed = new java.util.ArrayList<>();
    if (!Files.isDirectory(generationsDir())) return removed;
    try (Stream<Path> entries = Files.list(generationsDir())) {
      for (Path p : entries.filter(p -> p.getFileName().toString().endsWith(DELETING_SUFFIX)).toList()) {
        deleteTree(p);
      }
    }
    Optional<String> live = liveGeneration();
    for (String g : generations()) {
      if (!isReady(g) && live.filter(g::equals).isEmpty()) {
        deleteGeneration(g);
        removed.add(g);
      }
    }
    return removed;
  }

  /** Makes {@code generation} the live one, atomically. */
  public void publish(String generation) throws IOException {
    if (!Files.isDirectory(generationDir(generation))) {
      throw new IOException("generation " + generation + " does not exist under " + generationsDir());
    }
    Path tmp = root.resolve(POINTER + ".tmp");
    writeDurably(tmp, generation + "\n");
    try {
      Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system under " + root + " cannot replace files atomically", e);
    }
    fsyncDirectory(root);
  }

  private static void writeDurably(Path file, String text) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      ch.force(true);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
          throws IOException {
        Files.deleteIfExists(file);
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.deleteIfExists(d);
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // Some platforms cannot open a directory for fsync; the rename itself is still atomic there.
    }
  }
}
