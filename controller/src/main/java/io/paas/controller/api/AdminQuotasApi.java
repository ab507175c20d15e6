package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.common.Printable;
import io.paas.controller.access.Teams;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.auth.Accounts;
import io.paas.controller.quota.Quota;
import io.paas.controller.quota.QuotaLimits;
import io.paas.controller.quota.QuotaSubject;
import io.paas.controller.quota.QuotaUsage;
import io.paas.controller.quota.Quotas;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /admin/quotas} (admins): {@code GET} the defaults and every user or team with limits of their own (those
 * limits alone), or with {@code ?user=EMAIL} or {@code ?team=NAME} its limits and use; {@code PATCH {"user": EMAIL,
 * "apps": 10, "memory": null}} (or {@code "team": NAME}) sets limits, null going back to the default.
 */
final class AdminQuotasApi {
  private static final String QUOTAS = String.join(", ", Arrays.stream(Quota.values()).map(Quota::key).toList());

  private final Accounts accounts;
  private final Teams teams;
  private final Quotas quotas;
  private final QuotaUsage usage;
  private final AuditLog audit;

  AdminQuotasApi(Accounts accounts, Teams teams, Quotas quotas, QuotaUsage usage, AuditLog audit) {
    this.accounts = accounts;
    this.teams = teams;
    this.quotas = quotas;
    this.usage = usage;
    this.audit = audit;
  }

  void mount(Router router) {
    router.get("/admin/quotas").handler(this::get);
    router.patch("/admin/quotas").handler(this::patch);
  }

  private void get(RoutingContext ctx) {
    if (!Bearer.user(ctx).admin()) {
      throw ApiException.forbidden("Only an admin can see quotas.");
    }
    String email = ctx.queryParams().get("user");
    String team = ctx.queryParams().get("team");
    Responses.json(ctx, 200, email == null && team == null ? quotas.overrides().map(this::overview)
        : subject(email, team).compose(this::report));
  }

  private void patch(RoutingContext ctx) {
    if (!Bearer.user(ctx).admin()) {
      throw ApiException.forbidden("Only an admin can set quotas.");
    }
    JsonObject body = JsonBody.of(ctx);
    String email = JsonBody.string(body, "user");
    String team = JsonBody.string(body, "team");
    if ((email == null) == (team == null)) {
      throw ApiException.badRequest("Give either user (an email) or team (a name): whose quotas to set.");
    }
    Map<Quota, Long> limits = limits(body);
    Responses.json(ctx, 200, subject(email, team)
        .compose(subject -> quotas.change(subject, limits)
            .compose(v -> audit.record(Callers.actor(ctx), AuditAction.QUOTA_CHANGE, null, changed(subject, limits)))
            .compose(v -> report(subject))));
  }

  /** The limits the body sets, by quota; a type other than a whole number or null, or an unknown quota, is a 400. */
  private static Map<Quota, Long> limits(JsonObject body) {
    Map<Quota, Long> limits = new EnumMap<>(Quota.class);
    for (String field : body.fieldNames()) {
      if (field.equals("user") || field.equals("team")) {
        continue;
      }
      Quota quota = Quota.byKey(field).orElseThrow(() -> ApiException.badRequest("Unknown quota "
          + Printable.of(field) + "; quotas are " + QUOTAS + "."));
      Object limit = body.getValue(field);
      if (limit != null && !(limit instanceof Integer) && !(limit instanceof Long)) {
        throw ApiException.badRequest(field + " must be a whole number, or null for the default.");
      }
      limits.put(quota, limit == null ? null : ((Number) limit).longValue());
    }
    if (limits.isEmpty()) {
      throw ApiException.invalid("No quotas given; quotas are " + QUOTAS + ".");
    }
    return limits;
  }

  /** The user by email, or else the team by name; a 404 when there is none. */
  private Future<QuotaSubject> subject(String email, String team) {
    if (email != null) {
      return accounts.find(email).map(QuotaSubject::user);
    }
    return teams.named(team).map(found -> found.map(QuotaSubject::team)
        .orElseThrow(() -> ApiException.notFound("No team " + Printable.of(team) + ".")));
  }

  /** What the audit log keeps of a change: whose limits, and each new limit (null: back to the default). */
  private static Map<String, Object> changed(QuotaSubject subject, Map<Quota, Long> limits) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(subject.kind(), subject.name());
    limits.forEach((quota, limit) -> details.put(quota.key(), limit));
    return details;
  }

  private JsonObject overview(Map<QuotaSubject, Map<Quota, Long>> overrides) {
    JsonArray subjects = new JsonArray();
    overrides.forEach((subject, own) -> subjects.add(new JsonObject().put("kind", subject.kind())
        .put("name", subject.name()).put("quotas", limits(own))));
    return new JsonObject().put("defaults", limits(quotas.defaults().values())).put("overrides", subjects);
  }

  private Future<JsonObject> report(QuotaSubject subject) {
    return Future.all(quotas.overrides(subject), usage.all(subject)).map(both -> {
      Map<Quota, Long> own = both.resultAt(0);
      Map<Quota, Long> used = both.resultAt(1);
      QuotaLimits limits = quotas.defaults().with(own);
      JsonArray each = new JsonArray();
      for (Quota quota : Quota.values()) {
        each.add(new JsonObject().put("name", quota.key()).put("limit", limits.get(quota))
            .put("used", used.get(quota)).put("unit", quota.unit()).put("default", !own.containsKey(quota)));
      }
      return new JsonObject().put("kind", subject.kind()).put("name", subject.name()).put("quotas", each);
    });
  }

  private static JsonArray limits(Map<Quota, Long> limits) {
    JsonArray each = new JsonArray();
    limits.forEach((quota, limit) -> each.add(new JsonObject().put("name", quota.key()).put("limit", limit)
        .put("unit", quota.unit())));
    return each;
  }
}
