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

/** Apps: their rows, settings and who owns them. Who else may use one is {@link AppGrantStore}'s. */
public final class AppStore {
  static final String COLUMNS = "a.id, a.name, a.owner_id, u.email AS owner_email, a.team_id, t.name AS team, "
      + "a.created_at, a.maintenance, a.request_timeout, a.health_check_path";
  static final String FROM = " FROM apps a JOIN users u ON u.id = a.owner_id LEFT JOIN teams t ON t.id = a.team_id ";
  private static final String SELECT = "SELECT " + COLUMNS + FROM;

  private final Pool pool;

  public AppStore(Pool pool) {
    this.pool = pool;
  }

  /** {@code teamId} is null for a personal app. */
  public Future<App> insert(String name, long ownerId, Long teamId) {
    return pool.preparedQuery("INSERT INTO apps (name, owner_id, team_id) VALUES ($1, $2, $3) RETURNING id")
        .execute(Tuple.of(name, ownerId, teamId))
        .recover(e -> Future.failedFuture(UniqueViolation.asConflict(e, "Name " + name + " is already taken.")))
        .compose(rows -> byName(name))
        .map(Optional::orElseThrow);
  }

  public Future<Optional<App>> byName(String name) {
    return pool.preparedQuery(SELECT + "WHERE a.name = $1").execute(Tuple.of(name))
        .map(rows -> apps(rows).stream().findFirst());
  }

  public Future<List<App>> all() {
    return pool.query(SELECT + "ORDER BY a.name").execute().map(AppStore::apps);
  }

  /** The user's own apps, not those of their teams. */
  public Future<List<App>> personalOf(long userId) {
    return pool.preparedQuery(SELECT + "WHERE a.owner_id = $1 AND a.team_id IS NULL ORDER BY a.name")
        .execute(Tuple.of(userId)).map(AppStore::apps);
  }

  public Future<List<App>> ofTeam(long teamId) {
    return pool.preparedQuery(SELECT + "WHERE a.team_id = $1 ORDER BY a.name").execute(Tuple.of(teamId))
        .map(AppStore::apps);
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

  /** Moves the app into the team. Team apps have no collaborators: the team's roles are its only access. */
  public Future<Void> moveToTeam(long appId, long teamId) {
    return pool.withTransaction(conn -> conn.preparedQuery("UPDATE apps SET team_id = $2 WHERE id = $1")
        .execute(Tuple.of(appId, teamId))
        .compose(v -> conn.preparedQuery("DELETE FROM collaborators WHERE app_id = $1").execute(Tuple.of(appId)))
        .mapEmpty());
  }

  /**
   * Makes the app a personal app of the user. The previous owner of a personal app stays on as a collaborator, so a
   * transfer never locks its maker out; the new owner is a collaborator no more.
   */
  public Future<Void> moveToUser(long appId, long userId) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("SELECT owner_id, team_id FROM apps WHERE id = $1 FOR UPDATE").execute(Tuple.of(appId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(ApiException.notFound("Couldn't find that app."));
          }
          Row before = rows.iterator().next();
          boolean personal = before.getLong("team_id") == null;
          long previousOwner = before.getLong("owner_id");
          return conn.preparedQuery("UPDATE apps SET owner_id = $2, team_id = NULL WHERE id = $1")
              .execute(Tuple.of(appId, userId))
              .compose(v -> conn.preparedQuery("DELETE FROM collaborators WHERE app_id = $1 AND user_id = $2")
                  .execute(Tuple.of(appId, userId)))
              .compose(v -> personal && previousOwner != userId
                  ? conn.preparedQuery("INSERT INTO collaborators (app_id, user_id) VALUES ($1, $2) "
                      + "ON CONFLICT DO NOTHING").execute(Tuple.of(appId, previousOwner)).mapEmpty()
                  : Future.<Void>succeededFuture());
        }));
  }

  public Future<Void> delete(long appId) {
    return pool.preparedQuery("DELETE FROM apps WHERE id = $1").execute(Tuple.of(appId)).mapEmpty();
  }

  private static List<App> apps(RowSet<Row> rows) {
    List<App> apps = new ArrayList<>();
    rows.forEach(row -> apps.add(app(row)));
    return apps;
  }

  /** An app from a row of {@link #COLUMNS}. */
  static App app(Row row) {
    return new App(row.getLong("id"), row.getString("name"), row.getLong("owner_id"), row.getString("owner_email"),
        row.getLong("team_id"), row.getString("team"), row.getOffsetDateTime("created_at"), settings(row));
  }

  private static AppSettings settings(Row row) {
    return new AppSettings(row.getBoolean("maintenance"), row.getInteger("request_timeout"),
        row.getString("health_check_path"));
  }

  /** An app's settings before and after a change. */
  public record SettingsChange(AppSettings before, AppSettings after) {
  }
}
