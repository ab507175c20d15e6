package io.paas.controller.store;

import io.paas.common.process.RestartBackoff;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded PostgreSQL running. Its postmaster is not our child (pg_ctl detaches it), so it is looked at
 * every {@link #CHECK}; one gone while its lock file is still there crashed or was killed, and is started again by
 * {@code pg_ctl restart}, which reads the command line it last ran with (postmaster.opts: the same port and settings)
 * after a {@link RestartBackoff}. One gone with its lock file was stopped on purpose (a clean shutdown removes the
 * file) and stays stopped. Clients see the outage as refused connections, and their pool reconnects.
 */
final class PostmasterSupervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostmasterSupervisor.class);
  private static final Duration CHECK = Duration.ofMillis(250);
  private static final String START_TIMEOUT_SECONDS = "60";

  private final Path pgData;
  private final Path pgCtl;
  private final RestartBackoff backoff = new RestartBackoff();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "postgres-supervisor");
    thread.setDaemon(true);
    return thread;
  });
  /** Touched on the timer's thread only. */
  private ProcessHandle postmaster;
  private long startedAt = System.nanoTime();
  private long nextStartAt;

  private PostmasterSupervisor(Path pgData, ProcessHandle postmaster, Path pgCtl) {
    this.pgData = pgData;
    this.postmaster = postmaster;
    this.pgCtl = pgCtl;
  }

  /** Watches the postmaster now running on {@code pgData} until {@link #close()}. */
  static PostmasterSupervisor watch(Path pgData) {
    ProcessHandle postmaster = running(pgData);
    Path postgres = Path.of(postmaster.info().command().orElseThrow(() -> new IllegalStateException(
        "Cannot tell which program PostgreSQL (pid " + postmaster.pid() + ") runs")));
    PostmasterSupervisor supervisor = new PostmasterSupervisor(pgData, postmaster, postgres.resolveSibling("pg_ctl"));
    supervisor.timer.scheduleWithFixedDelay(supervisor::check, CHECK.toMillis(), CHECK.toMillis(),
        TimeUnit.MILLISECONDS);
    return supervisor;
  }

  private void check() {
    if (postmaster.isAlive()) {
      return;
    }
    if (!Files.exists(lockFile(pgData))) {
      LOG.info("PostgreSQL in {} was shut down; not starting it again", pgData);
      timer.shutdown();
      return;
    }
    long now = System.nanoTime();
    if (nextStartAt == 0) {
      Duration delay = backoff.after(Duration.ofNanos(now - startedAt));
      LOG.warn("PostgreSQL (pid {}) in {} died; starting it again in {} ms", postmaster.pid(), pgData,
          delay.toMillis());
      nextStartAt = now + delay.toNanos();
    }
    if (now >= nextStartAt) {
      restart();
    }
  }

  private void restart() {
    try {
      int status = new ProcessBuilder(command("-D", pgData.toString(), "-w", "-t", START_TIMEOUT_SECONDS, "restart"))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start().waitFor();
      if (status == 0) {
        postmaster = running(pgData);
        startedAt = System.nanoTime();
        nextStartAt = 0;
        LOG.info("PostgreSQL in {} is back, pid {}", pgData, postmaster.pid());
        return;
      }
      LOG.warn("pg_ctl restart exited with status {}", status);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not start PostgreSQL in {} again: {}", pgData, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    nextStartAt = System.nanoTime() + backoff.after(Duration.ZERO).toNanos();
  }

  /** pg_ctl refuses to run as root: as root, it runs in a user namespace of its own, as zonky runs it. */
  private List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(pgCtl.toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Stops watching; the server is left as it is. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(70, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Path lockFile(Path pgData) {
    return pgData.resolve("postmaster.pid");
  }

  private static ProcessHandle running(Path pgData) {
    try {
      long pid = Long.parseLong(Files.readAllLines(lockFile(pgData)).get(0).trim());
      return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL in " + pgData
          + " is not running"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
