package io.paas.controller.audit;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/** One row of the audit log; {@code app} is null for what concerns no app (a login). */
public record AuditEvent(long id, OffsetDateTime at, Actor actor, String action, String app, JsonObject details) {
}
