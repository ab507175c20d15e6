package io.paas.controller.store;

import io.paas.common.process.LeftoverProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * An embedded PostgreSQL holding data that must outlive a crash, the control plane's or the tenants': its data dir
 * kept across starts, with zonky's settings for tests turned back to durable ones, and started again by a
 * {@link PostmasterSupervisor} if it dies.
 */
public final class SupervisedPostgres implements AutoCloseable {
  /** How long a PostgreSQL left running by a killed paas-server gets to shut down before it is killed. */
  private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final PostmasterSupervisor supervisor;

  private SupervisedPostgres(EmbeddedPostgres postgres, PostmasterSupervisor supervisor) {
    this.postgres = postgres;
    this.supervisor = supervisor;
  }

  /** A server on {@code pgData}, unpacked to {@code binaries}, that keeps what it acknowledged. */
  public static EmbeddedPostgres.Builder durable(Path pgData, Path binaries) {
    return EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(binaries.toFile())
        // zonky turns these off for speed in tests; data that was acknowledged must survive a crash.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on");
  }

  /** Starts the {@link #durable} server with {@code settings} added, and watches it until {@link #close()}. */
  public static SupervisedPostgres start(Path pgData, Path binaries, UnaryOperator<EmbeddedPostgres.Builder> settings)
      throws IOException {
    EmbeddedPostgres postgres = settings.apply(durable(pgData, binaries)).start();
    return new SupervisedPostgres(postgres, PostmasterSupervisor.watch(pgData));
  }

  /**
   * Stops the PostgreSQL that a paas-server killed with SIGKILL left running on {@code pgData}: it outlives the JVM
   * (pg_ctl detaches it) and holds the data dir, so no new one could start.
   */
  public static void stopLeftover(Path pgData) throws IOException {
    LeftoverProcess.stop(pgData.resolve("postmaster.pid"), "postgres", LEFTOVER_GRACE);
  }

  public int port() {
    return postgres.getPort();
  }

  /** Stops watching, then stops the server cleanly. */
  @Override
  public void close() {
    supervisor.close();
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
