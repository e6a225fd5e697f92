package io.lede.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer at a time; the second says who holds the lock; a dead holder's lock is taken over. */
class WriteLockTest {

  @TempDir Path seeds;
  @TempDir Path homeDir;

  @Test
  void aSecondRebuildRefusesWhileAnotherProcessRebuildsAndTakesOverWhenItDies() throws Exception {
    NewsFiles.corpus(seeds, 5);
    IndexHome home = new IndexHome(homeDir);
    new Rebuilder(new IndexBuilder(2, 16)).rebuild(seeds, home);
    String live = home.liveGeneration().orElseThrow();

    try (ChildProcess first = ChildProcess.lede("index.start", "rebuild", "--seeds", seeds.toString(), "--index", homeDir.toString())) {
      first.awaitLine("paused at index.start");

      // The second rebuild, through the CLI as cron would run it: exit 1, and it names the holder.
      ValidationTest.Run second = ValidationTest.cli("rebuild", "--seeds", seeds.toString(), "--index", homeDir.toString());
      assertEquals(1, second.code());
      assertTrue(second.err().contains("is locked by another writer: pid " + first.pid()), second.err());
      assertTrue(second.err().contains("rebuild --seeds"), second.err());
      assertTrue(second.out().contains("rebuild result=locked"), second.out());
      // The other writers refuse too.
      assertEquals(1, ValidationTest.cli("index", "--seeds", seeds.toString(), "--index", homeDir.toString()).code());
      assertEquals(1, ValidationTest.cli("rollback", "--index", homeDir.toString()).code());
      WriteLock.HeldException held = assertThrows(WriteLock.HeldException.class, () -> WriteLock.acquire(home, "test"));
      assertEquals(first.pid(), held.owner().orElseThrow().pid());

      first.kill();
    }
    // The OS released the dead process's lock; its owner file remains and is reported as stale.
    assertTrue(Files.exists(homeDir.resolve(WriteLock.OWNER_FILE)));
    try (WriteLock lock = WriteLock.acquire(home, "test")) {
      assertTrue(lock.staleOwner().isPresent());
      assertTrue(lock.staleOwner().get().command().startsWith("rebuild"));
    }
    assertTrue(Files.notExists(homeDir.resolve(WriteLock.OWNER_FILE)), "a clean release leaves no owner file");
    assertEquals(Optional.of(live), home.liveGeneration());
  }

  @Test
  void twoWritersInOneProcessAlsoExcludeEachOther() throws Exception {
    IndexHome home = new IndexHome(homeDir);
    try (WriteLock lock = WriteLock.acquire(home, "first")) {
      WriteLock.HeldException e = assertThrows(WriteLock.HeldException.class, () -> WriteLock.acquire(home, "second"));
      assertEquals("first", e.owner().orElseThrow().command());
      assertEquals(ProcessHandle.current().pid(), e.owner().get().pid());
      assertTrue(lock.staleOwner().isEmpty());
    }
    try (WriteLock again = WriteLock.acquire(home, "third")) {
      assertTrue(again.staleOwner().isEmpty());
    }
  }
}
