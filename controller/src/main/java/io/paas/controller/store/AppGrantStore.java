package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The role a user has on apps: owner or collaborator of a personal app, or their role in a team app's team. A team
 * app's owner and any collaborator row left of it count for nothing: a team app is reached through its team only.
 */
public final class AppGrantStore {
  /** Apps the user ($1) has a role on, with that role. */
  private static final String GRANTED = "SELECT * FROM (SELECT " + AppStore.COLUMNS + ", CASE"
      + " WHEN a.team_id IS NOT NULL THEN m.role"
      + " WHEN a.owner_id = $1 THEN 'owner'"
      + " WHEN c.user_id IS NOT NULL THEN 'collaborator' END AS role"
      + AppStore.FROM
      + "LEFT JOIN team_members m ON m.team_id = a.team_id AND m.user_id = $1 "
      + "LEFT JOIN collaborators c ON c.app_id = a.id AND c.user_id = $1) g WHERE g.role IS NOT NULL ";

  private final Pool pool;

  public AppGrantStore(Pool pool) {
    this.pool = pool;
  }

  /** The app and the user's role on it; empty when there is no such app or the user has no role on it. */
  public Future<Optional<AppGrant>> find(long userId, String app) {
    return pool.preparedQuery(GRANTED + "AND g.name = $2").execute(Tuple.of(userId, app))
        .map(rows -> grants(rows).stream().findFirst());
  }

  /** Every app the user has a role on, by name. */
  public Future<List<AppGrant>> of(long userId) {
    return pool.preparedQuery(GRANTED + "ORDER BY g.name").execute(Tuple.of(userId)).map(AppGrantStore::grants);
  }

  private static List<AppGrant> grants(RowSet<Row> rows) {
    List<AppGrant> grants = new ArrayList<>();
    rows.forEach(row -> grants.add(new AppGrant(AppStore.app(row), Role.of(row.getString("role")))));
    return grants;
  }
}
