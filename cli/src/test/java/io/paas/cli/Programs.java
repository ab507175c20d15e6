package io.paas.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Programs of this machine that some tests run for real. */
final class Programs {
  private Programs() {
  }

  /** Whether it is on the PATH, for an assumption: a machine without it skips the test rather than fails it. */
  static boolean installed(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Path.of(dir, program).toFile().canExecute());
  }
}
