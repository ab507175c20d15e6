package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Custom domains. A host name is unique on the whole platform; an app's domains go when the app does. */
public final class DomainStore {
  private static final String COLUMNS = "app_id, hostname, created_at";

  private final Pool pool;

  public DomainStore(Pool pool) {
    this.pool = pool;
  }

  /** Adds the name to the app, or fails with a 409 that does not say which app has it. */
  public Future<Domain> insert(long appId, String hostname) {
    return pool.preparedQuery("INSERT INTO domains (app_id, hostname) VALUES ($1, $2) RETURNING " + COLUMNS)
        .execute(Tuple.of(appId, hostname))
        .recover(e -> Future.failedFuture(UniqueViolation.asConflict(e, hostname + " is already in use.")))
        .map(rows -> domains(rows).get(0));
  }

  public Future<List<Domain>> ofApp(long appId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM domains WHERE app_id = $1 ORDER BY hostname")
        .execute(Tuple.of(appId)).map(DomainStore::domains);
  }

  public Future<List<Domain>> all() {
    return pool.query("SELECT " + COLUMNS + " FROM domains ORDER BY hostname").execute().map(DomainStore::domains);
  }

  /** The domain removed, empty if the app has no such domain. */
  public Future<Optional<Domain>> delete(long appId, String hostname) {
    return pool.preparedQuery("DELETE FROM domains WHERE app_id = $1 AND hostname = $2 RETURNING " + COLUMNS)
        .execute(Tuple.of(appId, hostname)).map(rows -> domains(rows).stream().findFirst());
  }

  private static List<Domain> domains(RowSet<Row> rows) {
    List<Domain> domains = new ArrayList<>();
    for (Row row : rows) {
      domains.add(new Domain(row.getLong("app_id"), row.getString("hostname"), row.getOffsetDateTime("created_at")));
    }
    return domains;
  }
}
