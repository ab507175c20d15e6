package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Log drains. A URL is an app's drain at most once; an app's drains go when the app does. */
public final class LogDrainStore {
  private static final String COLUMNS = "d.id, d.app_id, a.name AS app, d.url, d.token, d.trusted, d.created_at";
  private static final String FROM = " FROM log_drains d JOIN apps a ON a.id = d.app_id";
  /** The rows an INSERT or DELETE named {@code d} returned, with their app's name. */
  private static final String FROM_CHANGED = " FROM d JOIN apps a ON a.id = d.app_id";

  private final Pool pool;

  public LogDrainStore(Pool pool) {
    this.pool = pool;
  }

  /** Adds the drain, or fails with a 409 naming {@code shownUrl} when the app already has the URL. */
  public Future<LogDrain> insert(long appId, String url, String token, boolean trusted, String shownUrl) {
    return pool.preparedQuery("WITH d AS (INSERT INTO log_drains (app_id, url, token, trusted) VALUES ($1, $2, $3, $4)"
            + " RETURNING *) SELECT " + COLUMNS + FROM_CHANGED)
        .execute(Tuple.of(appId, url, token, trusted))
        .recover(e -> Future.failedFuture(UniqueViolation.asConflict(e, shownUrl + " is already a drain of this app.")))
        .map(rows -> drains(rows).get(0));
  }

  public Future<List<LogDrain>> ofApp(long appId) {
    return pool.preparedQuery("SELECT " + COLUMNS + FROM + " WHERE d.app_id = $1 ORDER BY d.id")
        .execute(Tuple.of(appId)).map(LogDrainStore::drains);
  }

  public Future<List<LogDrain>> all() {
    return pool.query("SELECT " + COLUMNS + FROM + " ORDER BY d.id").execute().map(LogDrainStore::drains);
  }

  /** The drain removed, found by its id, token or URL; empty if the app has no such drain. */
  public Future<Optional<LogDrain>> delete(long appId, String idTokenOrUrl) {
    return pool.preparedQuery("WITH d AS (DELETE FROM log_drains WHERE app_id = $1"
            + " AND (id::text = $2 OR token = $2 OR url = $2) RETURNING *) SELECT " + COLUMNS + FROM_CHANGED)
        .execute(Tuple.of(appId, idTokenOrUrl)).map(rows -> drains(rows).stream().findFirst());
  }

  private static List<LogDrain> drains(RowSet<Row> rows) {
    List<LogDrain> drains = new ArrayList<>();
    for (Row row : rows) {
      drains.add(new LogDrain(row.getLong("id"), row.getLong("app_id"), row.getString("app"), row.getString("url"),
          row.getString("token"), row.getBoolean("trusted"), row.getOffsetDateTime("created_at")));
    }
    return drains;
  }
}
