package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class BuildStore {
  private static final String SELECT = "SELECT b.id, b.app_id, u.email, b.commit_sha, b.status, b.image, b.output, "
      + "b.created_at, b.finished_at FROM builds b JOIN users u ON u.id = b.user_id ";

  private final Pool pool;

  public BuildStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Long> insert(long appId, long userId, String commit) {
    return pool.preparedQuery("INSERT INTO builds (app_id, user_id, commit_sha, status) VALUES ($1, $2, $3, 'pending') "
            + "RETURNING id")
        .execute(Tuple.of(appId, userId, commit))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /**
   * How many builds of these apps are running. A build still pending after an hour counts no more: builds run in the
   * controller, so one left pending by a restart is not running, and must not hold a quota for ever.
   */
  public Future<Long> running(List<Long> appIds) {
    return pool.preparedQuery("SELECT count(*) FROM builds WHERE app_id = ANY($1) AND status = 'pending' "
            + "AND created_at > now() - interval '1 hour'")
        .execute(Tuple.of(appIds.toArray(Long[]::new)))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Completes with the name of the build's app. */
  public Future<String> finish(long id, String status, String image, String output) {
    return pool.preparedQuery("UPDATE builds b SET status = $2, image = $3, output = $4, finished_at = now() "
            + "FROM apps a WHERE b.id = $1 AND a.id = b.app_id RETURNING a.name")
        .execute(Tuple.of(id, status, image, output))
        .map(rows -> rows.iterator().next().getString(0));
  }

  public Future<List<Build>> list(long appId) {
    return pool.preparedQuery(SELECT + "WHERE b.app_id = $1 ORDER BY b.id").execute(Tuple.of(appId))
        .map(BuildStore::builds);
  }

  public Future<Optional<Build>> get(long appId, long id) {
    return pool.preparedQuery(SELECT + "WHERE b.app_id = $1 AND b.id = $2").execute(Tuple.of(appId, id))
        .map(rows -> builds(rows).stream().findFirst());
  }

  private static List<Build> builds(RowSet<Row> rows) {
    List<Build> builds = new ArrayList<>();
    for (Row r : rows) {
      builds.add(new Build(r.getLong("id"), r.getLong("app_id"), r.getString("email"), r.getString("commit_sha"),
          r.getString("status"), r.getString("image"), r.getString("output"), r.getOffsetDateTime("created_at"),
          r.getOffsetDateTime("finished_at")));
    }
    return builds;
  }
}
