package io.paas.builder.registry;

import io.paas.common.process.SupervisedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image registry the platform runs for agents on other hosts: Debian's {@code docker-registry} as a child
 * process, storing in the data dir, listening on 127.0.0.1 (the engine trusts loopback registries without TLS).
 * It is restarted when it dies, until closed. What it prints goes to {@code registry.log} in the data dir, not to the
 * server's log: it is mostly access lines and the routine 404s of pushes.
 */
public final class RegistryServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path log;
  private final int port;
  private final SupervisedProcess process;

  private RegistryServer(Path log, int port, SupervisedProcess process) {
    this.log = log;
    this.port = port;
    this.process = process;
  }

  /** Starts the registry and waits until it answers. */
  public static RegistryServer start(Path dir, int port) {
    Path config = dir.resolve("config.yml");
    try {
      Files.createDirectories(dir.resolve("storage"));
      Files.writeString(config, """
          version: 0.1
          log:
            level: warn
          storage:
            filesystem:
              rootdirectory: %s
            delete:
              enabled: true
          http:
            addr: 127.0.0.1:%d
          """.formatted(dir.resolve("storage"), port));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the registry's config in " + dir, e);
    }
    Path log = dir.resolve("registry.log");
    RegistryServer server = new RegistryServer(log, port, launch(config, log));
    try {
      server.awaitReady();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** {@code host:port}, as image references name it. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  private static SupervisedProcess launch(Path config, Path log) {
    try {
      return SupervisedProcess.start("docker-registry", new ProcessBuilder("docker-registry", "serve",
          config.toString()), STOP_GRACE, line -> append(log, line));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start docker-registry (apt-get install docker-registry)", e);
    }
  }

  private static void append(Path log, String line) {
    try {
      Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.warn("Cannot write the registry's output to {}", log, e);
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (answers()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the registry", e);
      }
    }
    throw new IllegalStateException("The image registry did not answer on " + address() + " within "
        + READY_TIMEOUT.toSeconds() + " s; see " + log);
  }

  /** The registry's API root answers 200 when it serves. */
  public boolean answers() {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/"))
          .timeout(Duration.ofSeconds(2)).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills the current process, as a crash would; the supervisor starts another. For failure drills. */
  public void kill() {
    process.current().ifPresent(ProcessHandle::destroyForcibly);
  }

  @Override
  public void close() {
    process.close();
  }
}
