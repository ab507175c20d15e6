package io.paas.controller.store;

import io.paas.common.process.LeftoverProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The default store when no database URL is given: a PostgreSQL server whose data lives in the platform's data
 * directory, so it survives a restart of paas-server, and which is started again if it dies.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  /** How long a PostgreSQL left running by a killed paas-server gets to shut down before it is killed. */
  static final Duration LEFTOVER_GRACE = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final PostmasterSupervisor supervisor;

  private EmbeddedDatabase(EmbeddedPostgres postgres, PostmasterSupervisor supervisor) {
    this.postgres = postgres;
    this.supervisor = supervisor;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    try {
      Path pgData = dataDir.resolve("postgres");
      Files.createDirectories(pgData);
      stopLeftover(pgData);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toFile())
          // zonky turns these off for speed in tests; the platform's own records must survive a crash.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .start();
      return new EmbeddedDatabase(postgres, PostmasterSupervisor.watch(pgData));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  /**
   * Stops the PostgreSQL that a paas-server killed with SIGKILL left running on {@code pgData}: it outlives the JVM
   * (pg_ctl detaches it) and holds the data dir, so no new one could start.
   */
  public static void stopLeftover(Path pgData) throws IOException {
    LeftoverProcess.stop(pgData.resolve("postmaster.pid"), "postgres", LEFTOVER_GRACE);
  }

  public String url() {
    return "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/postgres";
  }

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
