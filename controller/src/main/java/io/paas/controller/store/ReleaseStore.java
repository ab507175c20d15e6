package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class ReleaseStore {
  private static final String SELECT = "SELECT r.id, r.app_id, r.version, r.build_id, r.image, r.description, "
      + "u.email, r.status, r.created_at FROM releases r JOIN users u ON u.id = r.user_id ";
  /** The release that serves: the newest one that came up. */
  private static final String CURRENT = "r.status = 'succeeded' ORDER BY r.version DESC LIMIT 1";
  /** The release that should serve: a pending one is rolling out, a failed one never will. */
  private static final String DESIRED = "r.status <> 'failed' ORDER BY r.version DESC LIMIT 1";

  private final Pool pool;

  public ReleaseStore(Pool pool) {
    this.pool = pool;
  }

  /** Creates the app's next version; the app row lock makes concurrent releases of one app number in turn. */
  public Future<Release> create(long appId, Long buildId, String image, String description, long userId) {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT id FROM apps WHERE id = $1 FOR UPDATE")
            .execute(Tuple.of(appId))
            .compose(locked -> conn.preparedQuery("INSERT INTO releases "
                    + "(app_id, version, build_id, image, description, user_id, status) "
                    + "SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, 'pending' FROM releases "
                    + "WHERE app_id = $1 RETURNING id")
                .execute(Tuple.of(appId, buildId, image, description, userId))))
        .compose(rows -> byId(rows.iterator().next().getLong(0)));
  }

  public Future<Void> setStatus(long id, String status) {
    return pool.preparedQuery("UPDATE releases SET status = $2 WHERE id = $1").execute(Tuple.of(id, status))
        .mapEmpty();
  }

  public Future<List<Release>> list(long appId) {
    return pool.preparedQuery(SELECT + "WHERE r.app_id = $1 ORDER BY r.version").execute(Tuple.of(appId))
        .map(ReleaseStore::releases);
  }

  public Future<Optional<Release>> get(long appId, int version) {
    return pool.preparedQuery(SELECT + "WHERE r.app_id = $1 AND r.version = $2").execute(Tuple.of(appId, version))
        .map(rows -> releases(rows).stream().findFirst());
  }

  public Future<Optional<Release>> current(long appId) {
    return pool.preparedQuery(SELECT + "WHERE r.app_id = $1 AND " + CURRENT).execute(Tuple.of(appId))
        .map(rows -> releases(rows).stream().findFirst());
  }

  public Future<Optional<Release>> desired(long appId) {
    return pool.preparedQuery(SELECT + "WHERE r.app_id = $1 AND " + DESIRED).execute(Tuple.of(appId))
        .map(rows -> releases(rows).stream().findFirst());
  }

  private Future<Release> byId(long id) {
    return pool.preparedQuery(SELECT + "WHERE r.id = $1").execute(Tuple.of(id))
        .map(rows -> releases(rows).get(0));
  }

  private static List<Release> releases(RowSet<Row> rows) {
    List<Release> releases = new ArrayList<>();
    for (Row r : rows) {
      releases.add(new Release(r.getLong("id"), r.getLong("app_id"), r.getInteger("version"), r.getLong("build_id"),
          r.getString("image"), r.getString("description"), r.getString("email"), r.getString("status"),
          r.getOffsetDateTime("created_at")));
    }
    return releases;
  }
}
