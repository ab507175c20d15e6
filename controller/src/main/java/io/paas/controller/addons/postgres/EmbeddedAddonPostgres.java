package io.paas.controller.addons.postgres;

import io.paas.common.StateFile;
import io.paas.common.process.FreePort;
import io.paas.controller.auth.Tokens;
import io.paas.controller.store.SupervisedPostgres;
import io.vertx.core.net.HostAndPort;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The default addon server: a PostgreSQL of its own, apart from the control plane's, whose data, admin password and
 * port live in {@code dir} and survive a restart. It listens on loopback and on the address containers reach the host
 * by; every TCP login needs a password. Started again on the same port if it dies, as the control plane's is.
 */
public final class EmbeddedAddonPostgres implements AddonPostgresServer {
  private static final String LOOPBACK = "127.0.0.1";
  // The bootstrap superuser initdb makes; zonky's readiness check logs in as it.
  private static final String ADMIN = "postgres";
  // Ours, written at every start: the admin only from loopback, any other role only into the database named like it.
  private static final String HBA = """
      # Written by paas-server at every start; edits here are lost.
      local  all       postgres                scram-sha-256
      host   all       postgres  127.0.0.1/32  scram-sha-256
      host   all       postgres  0.0.0.0/0     reject
      host   all       postgres  ::/0          reject
      host   sameuser  all       0.0.0.0/0     scram-sha-256
      host   sameuser  all       ::/0          scram-sha-256
      """;

  private final SupervisedPostgres postgres;
  private final String password;
  private final String addonHost;

  private EmbeddedAddonPostgres(SupervisedPostgres postgres, String password, String addonHost) {
    this.postgres = postgres;
    this.password = password;
    this.addonHost = addonHost;
  }

  /**
   * Starts the server, making it on the first start. {@code port} 0 means the one chosen at the first start, since
   * tenants' URLs keep it. {@code addonHost} is the docker0 gateway, e.g. 172.17.0.1.
   */
  public static EmbeddedAddonPostgres start(Path dir, String addonHost, int port) {
    try {
      Files.createDirectories(dir);
      Path passwordFile = dir.resolve("admin-password");
      String password = StateFile.readOrCreate(passwordFile, () -> Tokens.randomString(32));
      int chosenPort = port > 0 ? port : keptPort(dir);
      Path hba = dir.resolve("pg_hba.conf");
      Files.writeString(hba, HBA);
      Path pgData = dir.resolve("pgdata");
      SupervisedPostgres.stopLeftover(pgData);
      SupervisedPostgres postgres = SupervisedPostgres.start(pgData, dir.resolve("bin"), builder -> builder
          .setPort(chosenPort)
          // zonky passes these to initdb as --key=value: the superuser has its password before the first start.
          .setLocaleConfig("pwfile", passwordFile.toString())
          .setServerConfig("hba_file", hba.toString())
          .setServerConfig("listen_addresses", listenAddresses(addonHost))
          .setServerConfig("password_encryption", "scram-sha-256")
          .setConnectConfig("password", password)
          .setPGStartupWait(Duration.ofSeconds(60)));
      return new EmbeddedAddonPostgres(postgres, password, addonHost);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the addon PostgreSQL in " + dir, e);
    }
  }

  @Override
  public PgConnectOptions admin() {
    return new PgConnectOptions()
        .setHost(LOOPBACK)
        .setPort(postgres.port())
        .setUser(ADMIN)
        .setPassword(password)
        .setDatabase(ADMIN);
  }

  @Override
  public HostAndPort tenantAddress() {
    return HostAndPort.create(addonHost, postgres.port());
  }

  @Override
  public void close() {
    postgres.close();
  }

  private static String listenAddresses(String addonHost) {
    return Stream.of(LOOPBACK, addonHost).distinct().collect(Collectors.joining(","));
  }

  private static int keptPort(Path dir) throws IOException {
    return Integer.parseInt(StateFile.readOrCreate(dir.resolve("port"), () -> Integer.toString(FreePort.pick())));
  }
}
