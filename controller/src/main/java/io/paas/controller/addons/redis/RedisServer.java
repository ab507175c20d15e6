package io.paas.controller.addons.redis;

import io.paas.common.process.GracefulStop;
import io.paas.common.process.ProcessListener;
import io.paas.common.process.SupervisedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One addon's redis-server: a supervised child process run in the addon's own dir, from its config, on its data. */
final class RedisServer {
  private static final Logger LOG = LoggerFactory.getLogger("redis");
  private static final String BINARY = "/usr/bin/redis-server";
  /** Long enough for the largest plan's data to be saved on the way out. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final SupervisedProcess process;
  private final Watch watch;

  private RedisServer(SupervisedProcess process, Watch watch) {
    this.process = process;
    this.watch = watch;
  }

  /** Makes the addon's dir with its config in it, both for the platform's eyes only. Fails if the dir exists. */
  static void create(RedisConfig config) throws IOException {
    Files.createDirectories(config.dir().getParent());
    Files.createDirectory(config.dir(), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx------")));
    Path file = Files.createFile(config.dir().resolve(RedisConfig.FILE), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, config.render());
  }

  /** Starts redis-server on the config in {@code dir}, stopping first one an earlier platform left running there. */
  static RedisServer start(String addon, Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve(RedisConfig.FILE))) {
      throw new IOException("No " + RedisConfig.FILE + " in " + dir + " for redis addon " + addon);
    }
    stopLeftover(dir);
    Watch watch = new Watch(addon);
    SupervisedProcess process = SupervisedProcess.start("redis-server of " + addon,
        new ProcessBuilder(BINARY, RedisConfig.FILE).directory(dir.toFile()), STOP_GRACE, watch);
    return new RedisServer(process, watch);
  }

  SupervisedProcess.State state() {
    return process.state();
  }

  /** Whether the first process died and another was started, or is about to be. */
  boolean restarted() {
    return watch.starts() > 1 || process.state() == SupervisedProcess.State.RESTARTING;
  }

  /** What it printed last, for an error message when it does not come up. */
  List<String> lastLines() {
    return watch.lastLines();
  }

  /** SIGTERM, on which redis saves what its plan keeps; completes once it is gone. */
  CompletableFuture<Void> stop() {
    return process.stop();
  }

  /**
   * A platform that died left its redis-servers running, holding their ports; the pid file names this one's. It must
   * still run in this dir, as the pid may have been reused since.
   */
  private static void stopLeftover(Path dir) throws IOException {
    Path pidFile = dir.resolve(RedisConfig.PID_FILE);
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    Optional<ProcessHandle> leftover = ProcessHandle.of(pid).filter(process -> runsIn(process, dir));
    if (leftover.isPresent()) {
      LOG.warn("Stopping redis-server pid {}, left running in {}", pid, dir);
      GracefulStop.stop(leftover.get(), STOP_GRACE).join();
    }
  }

  private static boolean runsIn(ProcessHandle process, Path dir) {
    try {
      return Files.isSameFile(Path.of("/proc", String.valueOf(process.pid()), "cwd"), dir);
    } catch (IOException gone) {
      return false;
    }
  }

  /** Logs what the server prints, keeping its last lines, and counts its starts. */
  private static final class Watch implements ProcessListener {
    private static final int KEPT_LINES = 10;

    private final String addon;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private int starts;

    Watch(String addon) {
      this.addon = addon;
    }

    @Override
    public synchronized void output(String line) {
      LOG.info("{}: {}", addon, line);
      lastLines.addLast(line);
      if (lastLines.size() > KEPT_LINES) {
        lastLines.removeFirst();
      }
    }

    @Override
    public synchronized void started(ProcessHandle process) {
      starts++;
    }

    synchronized int starts() {
      return starts;
    }

    synchronized List<String> lastLines() {
      return List.copyOf(lastLines);
    }
  }
}
