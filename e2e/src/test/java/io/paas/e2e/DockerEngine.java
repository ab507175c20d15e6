package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This machine's dockerd, stopped and started as an operator would: scripts/setup runs it as a plain background
 * process (no systemd), so it is stopped with SIGTERM and started again with scripts/dockerd. Every other test shares
 * this engine: {@link #ensureRunning()} belongs in a finally.
 */
final class DockerEngine {
  private static final String LOG = "/var/log/paas-dockerd.log";
  private static final Duration STOP_LIMIT = Duration.ofSeconds(90);
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  private DockerEngine() {
  }

  /** SIGTERM, as a service manager stops it; returns once dockerd has exited (its containers with it). */
  static void stop() throws Exception {
    long pid = pid();
    assertThat(run("kill", "-TERM", String.valueOf(pid))).isZero();
    Instant deadline = Instant.now().plus(STOP_LIMIT);
    while (Files.exists(Path.of("/proc/" + pid))) {
      assertThat(Instant.now()).as("dockerd %d exited within %s", pid, STOP_LIMIT).isBefore(deadline);
      Thread.sleep(100);
    }
  }

  /** Starts dockerd with scripts/dockerd, as scripts/setup does; returns once {@code docker info} answers. */
  static void start() throws Exception {
    assertThat(run(START_LIMIT, Platform.HOME.resolve("scripts/dockerd").toString()))
        .as("scripts/dockerd started the engine; see %s", LOG).isZero();
  }

  /** Starts dockerd unless it answers already, for a finally after a drill that may have failed half-way. */
  static void ensureRunning() throws Exception {
    if (answers()) {
      return;
    }
    if (pids().isEmpty()) {
      start();
    } else {
      awaitAnswering(); // still stopping or starting
      if (!answers()) {
        start();
      }
    }
  }

  static boolean answers() throws Exception {
    return run("docker", "info") == 0;
  }

  private static void awaitAnswering() throws Exception {
    Instant deadline = Instant.now().plus(START_LIMIT);
    while (!answers()) {
      assertThat(Instant.now()).as("docker info answers within %s; see %s", START_LIMIT, LOG).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  private static long pid() throws Exception {
    List<Long> pids = pids();
    assertThat(pids).as("dockerd processes").hasSize(1);
    return pids.get(0);
  }

  private static List<Long> pids() throws Exception {
    Process pgrep = new ProcessBuilder("pgrep", "-x", "dockerd").redirectErrorStream(true).start();
    String out = new String(pgrep.getInputStream().readAllBytes());
    pgrep.waitFor();
    return out.lines().map(String::trim).filter(line -> !line.isEmpty()).map(Long::parseLong).toList();
  }

  private static int run(String... command) throws Exception {
    return run(Duration.ofSeconds(30), command);
  }

  private static int run(Duration limit, String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null"))).start();
    assertThat(process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)).as("%s finished", List.of(command))
        .isTrue();
    return process.exitValue();
  }
}
