package io.paas.controller.addons.postgres;

import io.vertx.core.net.HostAndPort;
import io.vertx.pgclient.PgConnectOptions;

/** The PostgreSQL server addon databases live on: how the platform logs in as its admin, and where apps connect. */
public interface AddonPostgresServer extends AutoCloseable {
  /** A superuser login on the server's maintenance database. */
  PgConnectOptions admin();

  /** The address that goes into tenants' URLs, reachable from app containers. */
  HostAndPort tenantAddress();

  @Override
  void close();
}
