package io.paas.controller.quota;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The limits operators set for single subjects, apart from the defaults. */
public final class QuotaStore {
  private static final String OF_SUBJECT = "SELECT quota, quota_limit FROM quota_overrides "
      + "WHERE subject_kind = $1 AND subject_id = $2";
  private static final String PUT = "INSERT INTO quota_overrides (subject_kind, subject_id, quota, quota_limit) "
      + "VALUES ($1, $2, $3, $4) ON CONFLICT (subject_kind, subject_id, quota) "
      + "DO UPDATE SET quota_limit = EXCLUDED.quota_limit, updated_at = now()";
  private static final String REMOVE = "DELETE FROM quota_overrides "
      + "WHERE subject_kind = $1 AND subject_id = $2 AND quota = $3";
  // A team's name joins here once there are teams.
  private static final String ALL = "SELECT q.subject_kind, q.subject_id, COALESCE(u.email, t.name) AS name, "
      + "q.quota, q.quota_limit FROM quota_overrides q "
      + "LEFT JOIN users u ON q.subject_kind = 'user' AND u.id = q.subject_id "
      + "LEFT JOIN teams t ON q.subject_kind = 'team' AND t.id = q.subject_id "
      + "ORDER BY name, q.subject_kind, q.subject_id";

  private final Pool pool;

  public QuotaStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Map<Quota, Long>> of(QuotaSubject subject) {
    return pool.preparedQuery(OF_SUBJECT).execute(Tuple.of(subject.kind(), subject.id())).map(rows -> {
      Map<Quota, Long> limits = new EnumMap<>(Quota.class);
      rows.forEach(row -> put(limits, row));
      return limits;
    });
  }

  /** Sets the given limits in one transaction; a null limit goes back to the default. */
  public Future<Void> change(QuotaSubject subject, Map<Quota, Long> changes) {
    List<Tuple> puts = new ArrayList<>();
    List<Tuple> removes = new ArrayList<>();
    changes.forEach((quota, limit) -> {
      if (limit == null) {
        removes.add(Tuple.of(subject.kind(), subject.id(), quota.key()));
      } else {
        puts.add(Tuple.of(subject.kind(), subject.id(), quota.key(), limit));
      }
    });
    return pool.withTransaction(conn -> (puts.isEmpty() ? Future.succeededFuture()
            : conn.preparedQuery(PUT).executeBatch(puts).mapEmpty())
        .compose(v -> removes.isEmpty() ? Future.succeededFuture()
            : conn.preparedQuery(REMOVE).executeBatch(removes).mapEmpty()));
  }

  /** Every subject with a limit of its own, by name. */
  public Future<Map<QuotaSubject, Map<Quota, Long>>> all() {
    return pool.query(ALL).execute().map(rows -> {
      Map<QuotaSubject, Map<Quota, Long>> all = new LinkedHashMap<>();
      for (Row row : rows) {
        QuotaSubject subject = new QuotaSubject(row.getString("subject_kind"), row.getLong("subject_id"),
            row.getString("name"));
        put(all.computeIfAbsent(subject, s -> new EnumMap<>(Quota.class)), row);
      }
      return all;
    });
  }

  private static void put(Map<Quota, Long> limits, Row row) {
    limits.put(Quota.byKey(row.getString("quota")).orElseThrow(), row.getLong("quota_limit"));
  }
}
