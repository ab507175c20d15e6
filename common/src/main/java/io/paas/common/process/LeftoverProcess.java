package io.paas.common.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server that a killed parent left running: a child outlives a SIGKILLed JVM and keeps its data dir and ports, so
 * the next start must end it before starting its own. Found by the pid file it keeps; a pid now used by another
 * program (after a reboot, say) is left alone.
 */
public final class LeftoverProcess {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverProcess.class);

  private LeftoverProcess() {
  }

  /**
   * Stops the process whose pid is the first line of {@code pidFile} if it is alive and runs {@code executable} (the
   * file name of its program), SIGTERM then SIGKILL after {@code grace}; returns once it is gone. Whether it stopped
   * one.
   */
  public static boolean stop(Path pidFile, String executable, Duration grace) throws IOException {
    Optional<ProcessHandle> leftover = find(pidFile, executable);
    if (leftover.isEmpty()) {
      return false;
    }
    LOG.warn("{} (pid {}) outlived the server that started it; stopping it", executable, leftover.get().pid());
    GracefulStop.stop(leftover.get(), grace).join();
    return true;
  }

  static Optional<ProcessHandle> find(Path pidFile, String executable) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(pidFile);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (lines.isEmpty() || !lines.get(0).trim().matches("[1-9][0-9]{0,9}")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
        .filter(process -> process.info().command().map(command -> Path.of(command).getFileName().toString()
            .equals(executable)).orElse(false));
  }
}
