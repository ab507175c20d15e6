package io.paas.common.process;

/** What a supervised process tells its owner: each line it prints, and each time it is started. */
@FunctionalInterface
public interface ProcessListener {
  /** A line from the process's stdout or stderr, called on a thread that reads that one process's output. */
  void output(String line);

  /** A process was started: the first one, or another after the last one died. Called under the supervisor's lock. */
  default void started(ProcessHandle process) {
  }
}
