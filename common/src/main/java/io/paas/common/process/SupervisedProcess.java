package io.paas.common.process;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process kept running: whenever it exits without having been asked to stop, another is started from the
 * same command, after a {@link RestartBackoff}. Its stderr is merged into its stdout, which goes to the listener line
 * by line. Thread-safe.
 */
public final class SupervisedProcess implements AutoCloseable {
  /** Running: a process is up. Restarting: the last one died and another starts soon. Stopped: for good. */
  public enum State { RUNNING, RESTARTING, STOPPED }

  private static final Logger LOG = LoggerFactory.getLogger(SupervisedProcess.class);

  private final String name;
  private final ProcessBuilder command;
  private final Duration stopGrace;
  private final ProcessListener listener;
  private final RestartBackoff backoff = new RestartBackoff();
  private State state;
  /** The last process started; it may have exited since. */
  private Process process;
  private long startedAt;

  private SupervisedProcess(String name, ProcessBuilder command, Duration stopGrace, ProcessListener listener) {
    this.name = name;
    this.command = command.redirectErrorStream(true);
    this.stopGrace = stopGrace;
    this.listener = listener;
  }

  /**
   * Starts the command (its working dir and environment as the builder has them) and keeps it running until
   * {@link #stop()}. {@code name} says what it is in logs and thread names; {@code stopGrace} is how long a stop waits
   * after SIGTERM before it kills. Throws, supervising nothing, if the first start fails.
   */
  public static SupervisedProcess start(String name, ProcessBuilder command, Duration stopGrace,
      ProcessListener listener) throws IOException {
    SupervisedProcess supervised = new SupervisedProcess(name, command, stopGrace, listener);
    synchronized (supervised) {
      supervised.launch();
    }
    return supervised;
  }

  public synchronized State state() {
    return state;
  }

  /** The process now running, if one is. */
  public synchronized Optional<ProcessHandle> current() {
    return state == State.RUNNING && process.isAlive() ? Optional.of(process.toHandle()) : Optional.empty();
  }

  /** Stops the process, SIGTERM then SIGKILL after the grace period, and starts no other; completes once it is gone. */
  public CompletableFuture<Void> stop() {
    Process last;
    synchronized (this) {
      state = State.STOPPED;
      last = process;
    }
    return GracefulStop.stop(last.toHandle(), stopGrace);
  }

  /** {@link #stop()}, waiting for the process to be gone. */
  @Override
  public void close() {
    stop().join();
  }

  private void launch() throws IOException {
    try {
      process = command.start();
    } catch (IOException e) {
      throw new IOException("Cannot start " + name + " (" + String.join(" ", command.command()) + "): "
          + e.getMessage(), e);
    }
    startedAt = System.nanoTime();
    state = State.RUNNING;
    Process started = process;
    LOG.info("{} started, pid {}", name, started.pid());
    OutputLines.follow(started.getInputStream(), name + "-output-" + started.pid(), listener::output);
    listener.started(started.toHandle());
    // Last: a process that is already gone runs this at once, and must find it started.
    started.onExit().thenRun(() -> exited(started));
  }

  private synchronized void exited(Process ended) {
    if (state == State.STOPPED || ended != process) {
      return;
    }
    state = State.RESTARTING;
    restartLater(Duration.ofNanos(System.nanoTime() - startedAt), "exited with status " + ended.exitValue());
  }

  private void restartLater(Duration uptime, String why) {
    Duration delay = backoff.after(uptime);
    LOG.warn("{} {}; starting it again in {} ms", name, why, delay.toMillis());
    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(this::restart);
  }

  private synchronized void restart() {
    if (state == State.STOPPED) {
      return;
    }
    try {
      launch();
    } catch (IOException e) {
      restartLater(Duration.ZERO, "did not start: " + e.getMessage());
    }
  }
}
