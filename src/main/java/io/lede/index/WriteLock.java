package io.lede.index;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The one-writer-at-a-time lock of an index home: {@code write.lock}, held with an OS file lock, and
 * beside it {@code write.lock.owner} naming the holder (pid, host, start time, command).
 *
 * <p>Why an OS lock and not "the file exists": the kernel releases a {@link FileChannel#tryLock} lock
 * when its process dies, however it dies (kill -9, OOM killer, power loss), so a crashed rebuild can
 * never leave the home locked forever, and no pid-liveness guessing is needed to break a stale lock.
 * The owner file is only for people: while the lock is held it says who holds it; when a new writer
 * gets the lock and still finds an owner file, the previous holder died without cleaning up, and that
 * is reported as a stale lock. (Local file systems only: some network file systems do not forward
 * these locks, which is why the index home belongs on a local disk.)
 */
public final class WriteLock implements AutoCloseable {

  public static final String LOCK_FILE = "write.lock";
  public static final String OWNER_FILE = "write.lock.owner";

  /** Who holds, or held, the lock. */
  public record Owner(long pid, String host, Instant since, String command) {
    @Override
    public String toString() {
      return "pid " + pid + " on " + host + " (" + command + ", since " + since + ")";
    }

    static Owner current(String command) {
      return new Owner(ProcessHandle.current().pid(), hostName(), Instant.now(), command);
    }

    Properties toProperties() {
      Properties p = new Properties();
      p.setProperty("pid", String.valueOf(pid));
      p.setProperty("host", host);
      p.setProperty("since", since.toString());
      p.setProperty("command", command);
      return p;
    }

    static Optional<Owner> read(Path file) {
      try {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          p.load(in);
        }
        return Optional.of(new Owner(Long.parseLong(p.getProperty("pid", "-1")), p.getProperty("host", "?"),
            Instant.parse(p.getProperty("since", Instant.EPOCH.toString())), p.getProperty("command", "?")));
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // absent, or half-written by a holder that died mid-write
      }
    }
  }

  /** Thrown when another writer holds the lock. */
  public static final class HeldException extends IOException {
    private final transient Optional<Owner> owner;

    HeldException(Path home, Optional<Owner> owner) {
      super("the index home " + home + " is locked by another writer: "
          + owner.map(Owner::toString).orElse("owner unknown (it is just starting)")
          + "; try again when it has finished");
      this.owner = owner;
    }

    public Optional<Owner> owner() {
      return owner;
    }
  }

  private final FileChannel channel;
  private final FileLock lock;
  private final Path ownerFile;
  private final Optional<Owner> staleOwner;

  private WriteLock(FileChannel channel, FileLock lock, Path ownerFile, Optional<Owner> staleOwner) {
    this.channel = channel;
    this.lock = lock;
    this.ownerFile = ownerFile;
    this.staleOwner = staleOwner;
  }

  /** Takes the lock of {@code home} for {@code command}, or throws {@link HeldException} at once. */
  public static WriteLock acquire(IndexHome home, String command) throws IOException {
    Files.createDirectories(home.root());
    Path lockFile = home.root().resolve(LOCK_FILE);
    Path ownerFile = home.root().resolve(OWNER_FILE);
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by another thread of this very JVM
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new HeldException(home.root(), Owner.read(ownerFile));
    }
    // We hold the OS lock, so any owner file left behind belongs to a process that died holding it.
    Optional<Owner> stale = Owner.read(ownerFile);
    try {
      writeOwner(ownerFile, Owner.current(command));
    } catch (IOException e) {
      lock.release();
      channel.close();
      throw e;
    }
    return new WriteLock(channel, lock, ownerFile, stale);
  }

  private static void writeOwner(Path ownerFile, Owner owner) throws IOException {
    Path tmp = ownerFile.resolveSibling(OWNER_FILE + ".tmp");
    try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      owner.toProperties().store(out, "the writer holding write.lock");
    }
    Files.move(tmp, ownerFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The holder that died without releasing the lock before we took it, if any. */
  public Optional<Owner> staleOwner() {
    return staleOwner;
  }

  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(ownerFile); // first, so an owner file only ever outlives a crashed holder
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
    }
  }
}
