package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.audit.AuditEvent;
import io.paas.controller.audit.AuditFilter;
import io.paas.controller.audit.AuditLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /admin/audit?user=EMAIL&app=APP&action=ACTION&limit=N} (admins): the audit log, newest first. */
final class AdminAuditApi {
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;

  private final AuditLog audit;

  AdminAuditApi(AuditLog audit) {
    this.audit = audit;
  }

  void mount(Router router) {
    router.get("/admin/audit").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    if (!Bearer.user(ctx).admin()) {
      throw ApiException.forbidden("Only an admin can read the audit log.");
    }
    String user = ctx.queryParams().get("user");
    AuditFilter filter = new AuditFilter(user == null ? null : user.toLowerCase(), ctx.queryParams().get("app"),
        ctx.queryParams().get("action"), limit(ctx.queryParams().get("limit")));
    Responses.json(ctx, 200, audit.list(filter)
        .map(events -> new JsonArray(events.stream().map(AdminAuditApi::view).toList())));
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid("limit must be a number from 1 to " + MAX_LIMIT + ".");
  }

  private static JsonObject view(AuditEvent event) {
    return new JsonObject()
        .put("id", event.id())
        .put("at", event.at().toInstant().toString())
        .put("actor", event.actor().email())
        .put("actor_id", event.actor().userId())
        .put("action", event.action())
        .put("app", event.app())
        .put("details", event.details())
        .put("address", event.actor().address());
  }
}
