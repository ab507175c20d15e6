package io.paas.controller.cluster;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** The placements table: which agent runs each dyno. */
public final class PlacementStore {
  private final Pool pool;

  public PlacementStore(Pool pool) {
    this.pool = pool;
  }

  /** A dyno of an app and the agent it is placed on. */
  public record Placed(long appId, String app, String dyno, long agentId) {
  }

  public Future<List<Placed>> all() {
    return pool.query("SELECT p.app_id, a.name, p.dyno, p.agent_id FROM placements p JOIN apps a ON a.id = p.app_id "
        + "ORDER BY a.name, p.dyno").execute().map(rows -> {
          List<Placed> placed = new ArrayList<>();
          rows.forEach(r -> placed.add(new Placed(r.getLong(0), r.getString(1), r.getString(2), r.getLong(3))));
          return placed;
        });
  }

  /** Replaces every placement in one transaction. */
  public Future<Void> replaceAll(List<Placed> placements) {
    List<Tuple> batch = placements.stream().map(p -> Tuple.of(p.appId(), p.dyno(), p.agentId())).toList();
    return pool.withTransaction(conn -> conn.query("DELETE FROM placements").execute()
        .compose(v -> batch.isEmpty() ? Future.succeededFuture()
            : conn.preparedQuery("INSERT INTO placements (app_id, dyno, agent_id) VALUES ($1, $2, $3)")
                .executeBatch(batch))
        .mapEmpty());
  }
}
