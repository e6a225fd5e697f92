package io.lede.cli;

import io.lede.index.RebuildListener;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Prints a rebuild or incremental run for a person or for a cron log.
 *
 * <ul>
 *   <li>At a terminal: a progress bar while files are indexed (files/s, ETA), on stderr, plus the phase lines.
 *   <li>Otherwise (cron, systemd, a pipe): no bar and no carriage returns, one {@code key=value} line per phase.
 *   <li>{@code --quiet}: only warnings, errors and the final summary line.
 * </ul>
 * Every line starts with the command name, so {@code grep '^rebuild '} finds them in a shared log.
 */
final class RunReporter implements RebuildListener {

  /** Test hook for the crash tests: {@code -Dlede.test.pauseAt=PHASE} stops the run there, to be killed. */
  static final String PAUSE_PROPERTY = "lede.test.pauseAt";

  private final String command;
  private final boolean quiet;
  private final boolean interactive;
  private final PrintStream out;
  private final PrintStream err;
  private final String pauseAt = System.getProperty(PAUSE_PROPERTY, "");
  private ProgressBar bar;

  RunReporter(String command, boolean quiet) {
    this(command, quiet, !quiet && isTerminal(), System.out, System.err);
  }

  RunReporter(String command, boolean quiet, boolean interactive, PrintStream out, PrintStream err) {
    this.command = command;
    this.quiet = quiet;
    this.interactive = interactive;
    this.out = out;
    this.err = err;
  }

  /**
   * True when a person watches: there is a console and it is a terminal. Since JDK 22,
   * System.console() is non-null even when output is redirected, so Console.isTerminal() (JDK 22+,
   * looked up reflectively because Lede compiles for 21) must confirm it.
   */
  static boolean isTerminal() {
    var console = System.console();
    if (console == null) return false;
    try {
      Method isTerminal = console.getClass().getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true; // JDK 21: a non-null console is a terminal
    }
  }

  @Override
  public synchronized void phaseStarted(String phase, long units) {
    if (interactive && units > 0) {
      bar = new ProgressBarBuilder()
          .setTaskName(phase)
          .setInitialMax(units)
          .setUnit(" files", 1)
          .showSpeed()
          .setSpeedUnit(ChronoUnit.SECONDS)
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(250)
          .setConsumer(new ConsoleProgressBarConsumer(err))
          .build();
    }
    pauseIfAsked(phase + ".start");
  }

  @Override
  public void filesDone(int done, int total) {
    ProgressBar b = bar;
    if (b != null) b.stepTo(done);
    if (done == 1) pauseIfAsked("files");
  }

  @Override
  public synchronized void phaseDone(String phase, Map<String, Object> facts, long millis) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
    if (!quiet) out.println(command + " phase=" + phase + (facts.isEmpty() ? "" : " " + keyValues(facts))
        + String.format(Locale.ROOT, " seconds=%.1f", millis / 1000.0));
    pauseIfAsked(phase);
  }

  @Override
  public void warning(String message) {
    err.println(command + ": warning: " + message);
  }

  void error(String message) {
    err.println(command + ": error: " + message);
  }

  /** A line for people; not printed with --quiet. */
  void info(String message) {
    if (!quiet) out.println(command + ": " + message);
  }

  /** The last line of a run, always printed: {@code command result=... key=value ...}. */
  void summary(Map<String, Object> facts) {
    out.println(command + " " + keyValues(facts));
  }

  static String keyValues(Map<String, Object> facts) {
    return facts.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue())).collect(Collectors.joining(" "));
  }

  private static String value(Object v) {
    String s = v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(v);
    return s.isEmpty() ? "none" : s.replace(' ', '_');
  }

  private void pauseIfAsked(String point) {
    if (!point.equals(pauseAt)) return;
    err.println(command + ": paused at " + point + " (" + PAUSE_PROPERTY + ")");
    err.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
