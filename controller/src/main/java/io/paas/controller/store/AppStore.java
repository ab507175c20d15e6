package io.paas.controller.store;

import io.paas.common.ApiException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

public final class AppStore {
  private static final String SELECT = "SELECT a.id, a.name, a.owner_id, u.email AS owner_email, a.created_at, "
      + "a.maintenance, a.request_timeout, a.health_check_path FROM apps a JOIN users u ON u.id = a.owner_id ";

  private final Pool pool;

  public AppStore(Pool pool) {
    this.pool = pool;
  }

  public Future<App> insert(String name, long ownerId) {
    return pool.preparedQuery("INSERT INTO apps (name, owner_id) VALUES ($1, $2) RETURNING id")
        .execute(Tuple.of(name, ownerId))
        .recover(e -> Future.failedFuture(UniqueViolation.asConflict(e, "Name " + name + " is already taken.")))
        .compose(rows -> byName(name))
        .map(Optional::orElseThrow);
  }

  public Future<Optional<App>> byName(String name) {
    return pool.preparedQuery(SELECT + "WHERE a.name = $1").execute(Tuple.of(name))
        .map(rows -> apps(rows).stream().findFirst());
  }

  public Future<List<App>> ownedBy(long userId) {
    return pool.preparedQuery(SELECT + "WHERE a.owner_id = $1 ORDER BY a.name").execute(Tuple.of(userId))
        .map(AppStore::apps);
  }

  public Future<List<App>> all() {
    return pool.query(SELECT + "ORDER BY a.name").execute().map(AppStore::apps);
  }

  /**
   * Applies {@code edit} to the app's settings and stores the result. The row lock makes two changes at once apply
   * one after the other, so neither undoes the other.
   */
  public Future<SettingsChange> changeSettings(long appId, UnaryOperator<AppSettings> edit) {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT maintenance, request_timeout, health_check_path "
            + "FROM apps WHERE id = $1 FOR UPDATE").execute(Tuple.of(appId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(ApiException.notFound("Couldn't find that app."));
          }
          AppSettings before = settings(rows.iterator().next());
          AppSettings after = edit.apply(before);
          return conn.preparedQuery("UPDATE apps SET maintenance = $2, request_timeout = $3, health_check_path = $4 "
                  + "WHERE id = $1")
              .execute(Tuple.of(appId, after.maintenance(), after.requestTimeout(), after.healthCheckPath()))
              .map(new SettingsChange(before, after));
        }));
  }

  public Future<Void> delete(long appId) {
    return pool.preparedQuery("DELETE FROM apps WHERE id = $1").execute(Tuple.of(appId)).mapEmpty();
  }

  private static List<App> apps(RowSet<Row> rows) {
    List<App> apps = new ArrayList<>();
    for (Row row : rows) {
      apps.add(new App(row.getLong("id"), row.getString("name"), row.getLong("owner_id"),
          row.getString("owner_email"), row.getOffsetDateTime("created_at"), settings(row)));
    }
    return apps;
  }

  private static AppSettings settings(Row row) {
    return new AppSettings(row.getBoolean("maintenance"), row.getInteger("request_timeout"),
        row.getString("health_check_path"));
  }

  /** An app's settings before and after a change. */
  public record SettingsChange(AppSettings before, AppSettings after) {
  }
}
