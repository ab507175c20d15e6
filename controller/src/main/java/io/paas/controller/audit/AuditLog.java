package io.paas.controller.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what to which app, when and from where, kept in the store. Details name things (config keys, hostnames,
 * addons), never config values or passwords: callers pass names only.
 */
public final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final String INSERT = "INSERT INTO audit_events (actor_id, actor_email, action, app, details, "
      + "address) VALUES ($1, $2, $3, $4, $5, $6)";
  private static final String LIST = "SELECT id, at, actor_id, actor_email, action, app, details, address "
      + "FROM audit_events WHERE ($1::text IS NULL OR actor_email = $1) AND ($2::text IS NULL OR app = $2) "
      + "AND ($3::text IS NULL OR action = $3) ORDER BY id DESC LIMIT $4";

  private final Pool pool;

  public AuditLog(Pool pool) {
    this.pool = pool;
  }

  /**
   * Records what was done; {@code app} may be null. Never fails: the action is done by now, and a missing row is
   * logged rather than turned into an error for something that happened.
   */
  public Future<Void> record(Actor actor, AuditAction action, String app, Map<String, ?> details) {
    JsonObject json = new JsonObject(new LinkedHashMap<>(details));
    return pool.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {actor.userId(), actor.email(), action.code(), app, json, actor.address()}))
        .<Void>mapEmpty()
        .recover(e -> {
          LOG.error("Could not record {} by {} on {} in the audit log: {}", action.code(), actor.email(), app,
              e.getMessage());
          return Future.succeededFuture();
        });
  }

  public Future<List<AuditEvent>> list(AuditFilter filter) {
    return pool.preparedQuery(LIST)
        .execute(Tuple.of(filter.user(), filter.app(), filter.action(), filter.limit()))
        .map(rows -> {
          List<AuditEvent> events = new ArrayList<>();
          for (Row row : rows) {
            events.add(new AuditEvent(row.getLong("id"), row.getOffsetDateTime("at"),
                new Actor(row.getLong("actor_id"), row.getString("actor_email"), row.getString("address")),
                row.getString("action"), row.getString("app"), row.getJsonObject("details")));
          }
          return events;
        });
  }
}
