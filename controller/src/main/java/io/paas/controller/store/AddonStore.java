package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Addons and their sealed credentials. An attachment name is unique within an app; an addon name on the platform. */
public final class AddonStore {
  private static final String SELECT = "SELECT d.id, d.app_id, a.name AS app, d.name, d.service, d.plan, "
      + "d.attached_as, d.credentials, d.created_at FROM addons d JOIN apps a ON a.id = d.app_id ";

  private final Pool pool;
  private final SecretBox secrets;

  public AddonStore(Pool pool, SecretBox secrets) {
    this.pool = pool;
    this.secrets = secrets;
  }

  /** Records a provisioned addon, or fails with a 409 when the app already has the attachment name. */
  public Future<Addon> insert(long appId, String name, String service, String plan, String attachedAs,
                              Map<String, String> credentials) {
    byte[] sealed = secrets.seal(new JsonObject(new LinkedHashMap<>(credentials)).encode());
    return pool.preparedQuery("INSERT INTO addons (app_id, name, service, plan, attached_as, credentials) "
            + "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
        .execute(Tuple.of(appId, name, service, plan, attachedAs, Buffer.buffer(sealed)))
        .recover(e -> Future.failedFuture(UniqueViolation.asConflict(e,
            "The app already has an attachment named " + attachedAs + "; choose another with --as.")))
        .compose(rows -> one("WHERE d.id = $1", Tuple.of(rows.iterator().next().getLong(0))))
        .map(Optional::orElseThrow);
  }

  public Future<List<Addon>> ofApp(long appId) {
    return all("WHERE d.app_id = $1 ORDER BY d.name", Tuple.of(appId));
  }

  public Future<List<Addon>> all() {
    return all("ORDER BY d.id", Tuple.tuple());
  }

  /** The app's addon by its name or its attachment name (DATABASE). */
  public Future<Optional<Addon>> find(long appId, String nameOrAttachment) {
    return one("WHERE d.app_id = $1 AND (d.name = $2 OR d.attached_as = $2)", Tuple.of(appId, nameOrAttachment));
  }

  /** How many addons these apps have. */
  public Future<Long> count(List<Long> appIds) {
    return pool.preparedQuery("SELECT count(*) FROM addons WHERE app_id = ANY($1)")
        .execute(Tuple.of(appIds.toArray(Long[]::new)))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Any app's addon by name, for services that authenticate by it (SMTP). */
  public Future<Optional<Addon>> byName(String name) {
    return one("WHERE d.name = $1", Tuple.of(name));
  }

  /** True when it was still there. */
  public Future<Boolean> delete(long id) {
    return pool.preparedQuery("DELETE FROM addons WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.rowCount() == 1);
  }

  private Future<Optional<Addon>> one(String where, Tuple params) {
    return all(where, params).map(list -> list.stream().findFirst());
  }

  private Future<List<Addon>> all(String where, Tuple params) {
    return pool.preparedQuery(SELECT + where).execute(params).map(this::addons);
  }

  private List<Addon> addons(RowSet<Row> rows) {
    List<Addon> addons = new ArrayList<>();
    for (Row r : rows) {
      Map<String, String> credentials = new LinkedHashMap<>();
      new JsonObject(secrets.open(r.getBuffer("credentials").getBytes()))
          .forEach(e -> credentials.put(e.getKey(), String.valueOf(e.getValue())));
      addons.add(new Addon(r.getLong("id"), r.getLong("app_id"), r.getString("app"), r.getString("name"),
          r.getString("service"), r.getString("plan"), r.getString("attached_as"), Map.copyOf(credentials),
          r.getOffsetDateTime("created_at")));
    }
    return addons;
  }
}
