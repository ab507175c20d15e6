package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

public final class ReleaseStore {
  private static final String SELECT = "SELECT r.id, r.app_id, r.version, r.build_id, r.image, r.description, "
      + "u.email, r.status, r.created_at, r.config, r.process_types, r.release_command, r.addon_config "
      + "FROM releases r JOIN users u ON u.id = r.user_id ";
  /** The release that serves: the newest one that came up. */
  private static final String CURRENT = "r.status = 'succeeded' AND r.image IS NOT NULL ORDER BY r.version DESC LIMIT 1";
  /** The release that should serve: a pending one is rolling out, a failed one never will. */
  /** A release whose release command runs is not desired yet. */
  public static final String RELEASING = "releasing";
  private static final String DESIRED = "r.status NOT IN ('failed', 'releasing') ORDER BY r.version DESC LIMIT 1";
  /** The app's config vars and process types are those of its newest release. */
  private static final String NEWEST = "TRUE ORDER BY r.version DESC LIMIT 1";

  private final Pool pool;

  public ReleaseStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Numbers and stores the app's next release, made from the ones before it. The app row lock makes concurrent
   * releases of one app (a push and a config change) build on each other, never on the same base.
   */
  public Future<Release> create(long appId, Function<Lineage, ReleaseDraft> next) {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT id FROM apps WHERE id = $1 FOR UPDATE")
            .execute(Tuple.of(appId))
            .compose(locked -> one(conn, SELECT + "WHERE r.app_id = $1 AND " + NEWEST, appId))
            .compose(newest -> one(conn, SELECT + "WHERE r.app_id = $1 AND " + DESIRED, appId)
                .map(desired -> new Lineage(newest, desired)))
            .compose(lineage -> insert(conn, appId, next.apply(lineage))))
        .compose(this::byId);
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
    return one(SELECT + "WHERE r.app_id = $1 AND r.version = $2", Tuple.of(appId, version));
  }

  public Future<Optional<Release>> current(long appId) {
    return one(SELECT + "WHERE r.app_id = $1 AND " + CURRENT, Tuple.of(appId));
  }

  public Future<Optional<Release>> desired(long appId) {
    return one(SELECT + "WHERE r.app_id = $1 AND " + DESIRED, Tuple.of(appId));
  }

  public Future<Optional<Release>> newest(long appId) {
    return one(SELECT + "WHERE r.app_id = $1 AND " + NEWEST, Tuple.of(appId));
  }

  private static Future<Optional<Release>> one(SqlConnection conn, String sql, long appId) {
    return conn.preparedQuery(sql).execute(Tuple.of(appId)).map(rows -> releases(rows).stream().findFirst());
  }

  private static Future<Long> insert(SqlConnection conn, long appId, ReleaseDraft draft) {
    return conn.preparedQuery("INSERT INTO releases (app_id, version, build_id, image, description, user_id, status, "
            + "config, process_types, release_command, addon_config) "
            + "SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM releases "
            + "WHERE app_id = $1 RETURNING id")
        .execute(Tuple.from(new Object[] {appId, draft.buildId(), draft.image(), draft.description(),
            draft.userId(), draft.initialStatus(), new JsonObject(new LinkedHashMap<>(draft.config())),
            new JsonObject(new LinkedHashMap<>(draft.processTypes())), draft.releaseCommand(),
            new JsonObject(new LinkedHashMap<>(draft.addonConfig()))}))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private Future<Release> byId(long id) {
    return one(SELECT + "WHERE r.id = $1", Tuple.of(id)).map(Optional::orElseThrow);
  }

  private Future<Optional<Release>> one(String sql, Tuple params) {
    return pool.preparedQuery(sql).execute(params).map(rows -> releases(rows).stream().findFirst());
  }

  private static List<Release> releases(RowSet<Row> rows) {
    List<Release> releases = new ArrayList<>();
    for (Row r : rows) {
      releases.add(new Release(r.getLong("id"), r.getLong("app_id"), r.getInteger("version"), r.getLong("build_id"),
          r.getString("image"), r.getString("description"), r.getString("email"), r.getString("status"),
          r.getOffsetDateTime("created_at"), strings(r.getJsonObject("config")),
          strings(r.getJsonObject("process_types")), r.getString("release_command"),
          strings(r.getJsonObject("addon_config"))));
    }
    return releases;
  }

  /**
   * What a new release builds on: the newest release (whose config vars are the app's) and the one that should
   * serve (whose image a config change keeps: a failed release's image never runs again).
   */
  public record Lineage(Optional<Release> newest, Optional<Release> desired) {
  }

  private static Map<String, String> strings(JsonObject json) {
    Map<String, String> map = new LinkedHashMap<>();
    json.forEach(e -> map.put(e.getKey(), String.valueOf(e.getValue())));
    return map;
  }
}
