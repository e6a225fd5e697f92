package io.lede.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The Lede CLI run as a real child JVM (same java, same classpath), so it can be killed with SIGKILL. */
final class ChildProcess implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private ChildProcess(Process process) {
    this.process = process;
    Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) lines.add(line);
      } catch (IOException e) {
        lines.add("(output lost: " + e + ")");
      }
    });
  }

  /** Starts {@code lede args...}; with {@code pauseAt}, the run stops at that point until killed. */
  static ChildProcess lede(String pauseAt, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    if (pauseAt != null) command.add("-Dlede.test.pauseAt=" + pauseAt);
    command.add("io.lede.cli.Main");
    command.addAll(List.of(args));
    return new ChildProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  long pid() {
    return process.pid();
  }

  /** Waits until a line of output contains {@code text}; fails with the output so far after a minute. */
  void awaitLine(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines.stream().noneMatch(l -> l.contains(text))) {
      if (!process.isAlive() && lines.stream().noneMatch(l -> l.contains(text))) {
        Thread.sleep(200); // let the reader drain
        if (lines.stream().anyMatch(l -> l.contains(text))) return;
        throw new AssertionError("child exited (" + process.exitValue() + ") before printing '" + text + "': " + lines);
      }
      if (System.nanoTime() > deadline) throw new AssertionError("no '" + text + "' within 60 s: " + lines);
      Thread.sleep(20);
    }
  }

  /** SIGKILL (destroyForcibly is SIGKILL on POSIX): no shutdown hooks, no finally blocks, no unlock. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  int waitFor() throws InterruptedException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError("child did not finish: " + lines);
    return process.exitValue();
  }

  String output() {
    return String.join("\n", lines);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
