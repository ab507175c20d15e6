package io.paas.controller.store;

import io.paas.common.StateFile;
import io.paas.controller.auth.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The default store when no database URL is given: a PostgreSQL server whose data lives in the platform's data
 * directory, so it survives a restart of paas-server, and which is started again if it dies. Every login needs its
 * superuser's password, kept in {@link #PASSWORD_FILE}.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  /** Its superuser's password, made at the first start; only paas-server's user can read it. */
  public static final String PASSWORD_FILE = "postgres-password";
  // Ours, written at every start: every login needs the password, the socket's too, so no local account gets in
  // without reading the password file.
  private static final String HBA = """
      # Written by paas-server at every start; edits here are lost.
      local  all  all                 scram-sha-256
      host   all  all  127.0.0.1/32   scram-sha-256
      host   all  all  ::1/128        scram-sha-256
      """;

  private final SupervisedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(SupervisedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    try {
      Path pgData = dataDir.resolve("postgres");
      Files.createDirectories(pgData);
      SupervisedPostgres.stopLeftover(pgData);
      if (!Files.exists(pgData.resolve("PG_VERSION"))) {
        // A new data dir, whose superuser has no password yet, whatever file a restore put back beside it.
        Files.deleteIfExists(dataDir.resolve(PASSWORD_FILE));
      }
      Path binaries = dataDir.resolve("postgres-bin");
      String password = StateFile.readOrCreate(dataDir.resolve(PASSWORD_FILE), () -> givePassword(pgData, binaries));
      Path hba = dataDir.resolve("postgres-hba.conf");
      Files.writeString(hba, HBA);
      return new EmbeddedDatabase(SupervisedPostgres.start(pgData, binaries, builder -> builder
          .setServerConfig("hba_file", hba.toString())
          .setConnectConfig("password", password)), password);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  /**
   * Gives the superuser a new password, on a first start or on the first start since an upgrade from a version that
   * trusted local connections: once under the data dir's own configuration (initdb's, which trusts them), before
   * {@link #HBA} asks for it. The password file is written only after this succeeded.
   */
  private static String givePassword(Path pgData, Path binaries) {
    String password = Tokens.randomString(32);
    try (EmbeddedPostgres open = SupervisedPostgres.durable(pgData, binaries).start();
        Connection connection = open.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      // Random URL-safe base64: nothing in it needs quoting.
      statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL to give it a password", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not give the embedded PostgreSQL's superuser a password", e);
    }
    return password;
  }

  public String url() {
    return "postgresql://postgres:" + password + "@127.0.0.1:" + postgres.port() + "/postgres";
  }

  @Override
  public void close() {
    postgres.close();
  }
}
