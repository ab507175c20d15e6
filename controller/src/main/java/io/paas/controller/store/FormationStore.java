package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The quantities and sizes an app asked for, per process type; types never scaled have no row. */
public final class FormationStore {
  private final Pool pool;

  public FormationStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Map<String, Scale>> get(long appId) {
    return pool.preparedQuery("SELECT type, quantity, size FROM formations WHERE app_id = $1 ORDER BY type")
        .execute(Tuple.of(appId))
        .map(rows -> {
          Map<String, Scale> scales = new LinkedHashMap<>();
          for (Row row : rows) {
            scales.put(row.getString("type"), new Scale(row.getInteger("quantity"), row.getString("size")));
          }
          return scales;
        });
  }

  /** Replaces the given types' rows in one transaction. */
  public Future<Void> put(long appId, Map<String, Scale> scales) {
    List<Tuple> batch = new ArrayList<>();
    scales.forEach((type, scale) -> batch.add(Tuple.of(appId, type, scale.quantity(), scale.size())));
    return pool.preparedQuery("INSERT INTO formations (app_id, type, quantity, size) VALUES ($1, $2, $3, $4) "
            + "ON CONFLICT (app_id, type) DO UPDATE SET quantity = EXCLUDED.quantity, size = EXCLUDED.size")
        .executeBatch(batch)
        .mapEmpty();
  }

  public record Scale(int quantity, String size) {
  }
}
