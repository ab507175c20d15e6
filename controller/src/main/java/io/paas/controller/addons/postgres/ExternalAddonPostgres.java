package io.paas.controller.addons.postgres;

import io.vertx.core.net.HostAndPort;
import io.vertx.pgclient.PgConnectOptions;

/** A server the operator runs, named by an admin URL such as {@code postgres://admin:pw@db.internal:5432/postgres}. */
public final class ExternalAddonPostgres implements AddonPostgresServer {
  private final PgConnectOptions admin;

  public ExternalAddonPostgres(String adminUrl) {
    this.admin = parse(adminUrl);
  }

  @Override
  public PgConnectOptions admin() {
    return new PgConnectOptions(admin);
  }

  @Override
  public HostAndPort tenantAddress() {
    return HostAndPort.create(admin.getHost(), admin.getPort());
  }

  @Override
  public void close() {
  }

  // The client's own parse errors quote the whole URL, password included.
  private static PgConnectOptions parse(String adminUrl) {
    try {
      return PgConnectOptions.fromUri(adminUrl);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("The addon PostgreSQL admin URL is not of the form "
          + "postgres://user:password@host:port/database");
    }
  }
}
