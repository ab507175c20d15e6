package io.paas.controller.mail;

import io.paas.controller.store.Database;
import io.paas.controller.store.EmbeddedDatabase;
import io.paas.controller.store.Migrations;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.UserStore;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** An embedded PostgreSQL with the platform's schema, the mail store over it, and apps to keep mail for. */
public final class MailDatabase implements AutoCloseable {
  public static final String HOST = "127.0.0.1";

  public final Vertx vertx = Vertx.vertx();
  public final MailStore store;
  private final EmbeddedDatabase db;
  private final Pool pool;
  private final long ownerId;

  public MailDatabase(Path dataDir) throws Exception {
    db = EmbeddedDatabase.start(dataDir);
    pool = Database.pool(vertx, db.url());
    new Migrations(pool).apply().await(30, TimeUnit.SECONDS);
    ownerId = new UserStore(pool).insert("owner@example.com", "hash", false).await(10, TimeUnit.SECONDS).id();
    store = new MailStore(pool);
  }

  /** An SMTP server on loopback over this database, on a free port, its certificate in {@code dir}. */
  public SmtpServer startSmtp(Path dir, MailAccounts accounts, Optional<RelayOptions> relay) throws Exception {
    return SmtpServer.start(vertx, new SmtpOptions(HOST, 0, dir, relay), accounts, store).await(60, TimeUnit.SECONDS);
  }

  /** A new app's id. */
  public long newApp() throws Exception {
    String name = "app-" + UUID.randomUUID().toString().substring(0, 8);
    return new AppStore(pool).insert(name, ownerId, null).await(10, TimeUnit.SECONDS).id();
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    db.close();
  }
}
