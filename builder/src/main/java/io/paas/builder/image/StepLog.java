package io.paas.builder.image;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the engine's build output into build log lines: indented, without its bookkeeping (container and layer ids),
 * with how long each step that did work took. A quiet log shows only the steps, and the last lines of output if the
 * build fails.
 */
final class StepLog implements Consumer<String> {
  static final String INDENT = "       ";
  private static final int TAIL_LINES = 30;
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
  private static final Pattern STEP = Pattern.compile("Step \\d+/\\d+ : (\\S+).*");
  private static final Pattern BOOKKEEPING = Pattern.compile(" ---> [0-9a-f]{12}|Removing intermediate container \\w+"
      + "| ---> Running in \\w+|Successfully built \\w+|Successfully tagged .*");
  private static final String CACHED = " ---> Using cache";
  private static final Set<String> WORKING = Set.of("RUN", "COPY", "ADD");

  private final Consumer<String> log;
  private final boolean quiet;
  private final Deque<String> tail = new ArrayDeque<>();
  private long stepStarted;
  private boolean stepWorks;
  private boolean stepCached;

  private StepLog(Consumer<String> log, boolean quiet) {
    this.log = log;
    this.quiet = quiet;
  }

  /** Every line of output, as app builds show it. */
  static StepLog verbose(Consumer<String> log) {
    return new StepLog(log, false);
  }

  /** Steps and durations only, as stack builds show them. */
  static StepLog quiet(Consumer<String> log) {
    return new StepLog(log, true);
  }

  @Override
  public void accept(String engineLine) {
    String line = ANSI.matcher(engineLine).replaceAll("");
    if (line.isBlank() || BOOKKEEPING.matcher(line).matches()) {
      return;
    }
    Matcher step = STEP.matcher(line);
    if (step.matches()) {
      endStep();
      stepStarted = System.nanoTime();
      stepWorks = WORKING.contains(step.group(1).toUpperCase(Locale.ROOT));
      stepCached = false;
      log.accept(INDENT + line);
    } else if (line.equals(CACHED)) {
      stepCached = true;
      log.accept(INDENT + line.strip());
    } else if (quiet) {
      tail.addLast(line);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
    } else {
      log.accept(INDENT + line);
    }
  }

  /** The build succeeded: the last step is done. */
  void succeeded() {
    endStep();
  }

  /** The build failed: a quiet log shows what the failing step printed last. */
  void failed() {
    tail.forEach(line -> log.accept(INDENT + line));
    tail.clear();
  }

  /** A line of the builder's own, in the same indentation. */
  void note(String line) {
    log.accept(INDENT + line);
  }

  private void endStep() {
    if (stepStarted != 0 && stepWorks && !stepCached) {
      double seconds = (System.nanoTime() - stepStarted) / 1e9;
      log.accept(INDENT + String.format(Locale.ROOT, "---> Done in %.1f s", seconds));
    }
    stepStarted = 0;
    tail.clear();
  }
}
