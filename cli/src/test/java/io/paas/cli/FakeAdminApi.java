package io.paas.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The admin routes of the stand-in platform: {@code /admin/quotas}, which keeps each user's quotas as the API
 * reports them and applies a PATCH to them, and {@code /admin/audit}, {@code /admin/users} and {@code /admin/teams},
 * which answer what a test put there.
 */
final class FakeAdminApi {
  static final List<String> QUOTAS = List.of("apps", "dynos", "memory", "addons", "builds");
  static final Map<String, Long> DEFAULTS = Map.of("apps", 50L, "dynos", 100L, "memory", 65536L, "addons", 50L,
      "builds", 2L);

  /** Each user's quotas, by email. */
  final Map<String, JsonObject> users = new ConcurrentSkipListMap<>();
  /** The audit log, newest first, as the API lists it. */
  final List<JsonObject> audit = new CopyOnWriteArrayList<>();
  /** Every user and every team, as {@code /admin/users} and {@code /admin/teams} list them. */
  final List<JsonObject> accounts = new CopyOnWriteArrayList<>();
  final List<JsonObject> teams = new CopyOnWriteArrayList<>();
  private final BooleanSupplier admin;

  FakeAdminApi(BooleanSupplier admin) {
    this.admin = admin;
  }

  void mount(Router router) {
    router.route("/admin/*").handler(ctx -> {
      if (admin.getAsBoolean()) {
        ctx.next();
      } else {
        error(ctx, 403, "Only an admin can see quotas.");
      }
    });
    router.get("/admin/quotas").handler(this::quotas);
    router.patch("/admin/quotas").handler(this::setQuotas);
    router.get("/admin/audit").handler(ctx -> ok(ctx, new JsonArray(List.copyOf(audit))));
    router.get("/admin/users").handler(ctx -> ok(ctx, new JsonArray(List.copyOf(accounts))));
    router.get("/admin/teams").handler(ctx -> ok(ctx, new JsonArray(List.copyOf(teams))));
  }

  /** A user at the defaults, using what {@code used} says (by quota name). */
  JsonObject addUser(String email, Map<String, Long> used) {
    JsonArray quotas = new JsonArray();
    QUOTAS.forEach(name -> quotas.add(new JsonObject().put("name", name).put("limit", DEFAULTS.get(name))
        .put("used", used.getOrDefault(name, 0L)).put("unit", name.equals("memory") ? "MB" : null)
        .put("default", true)));
    JsonObject user = new JsonObject().put("kind", "user").put("name", email).put("quotas", quotas);
    users.put(email, user);
    return user;
  }

  private void quotas(RoutingContext ctx) {
    String email = ctx.queryParams().get("user");
    if (email == null) {
      JsonArray defaults = new JsonArray();
      QUOTAS.forEach(name -> defaults.add(new JsonObject().put("name", name).put("limit", DEFAULTS.get(name))
          .put("unit", name.equals("memory") ? "MB" : null)));
      JsonArray overrides = new JsonArray();
      users.values().forEach(user -> {
        JsonArray own = new JsonArray();
        user.getJsonArray("quotas").stream().map(JsonObject.class::cast).filter(q -> !q.getBoolean("default"))
            .forEach(q -> own.add(new JsonObject().put("name", q.getString("name")).put("limit", q.getLong("limit"))
                .put("unit", q.getString("unit"))));
        if (!own.isEmpty()) {
          overrides.add(new JsonObject().put("kind", "user").put("name", user.getString("name")).put("quotas", own));
        }
      });
      ok(ctx, new JsonObject().put("defaults", defaults).put("overrides", overrides));
    } else if (users.containsKey(email)) {
      ok(ctx, users.get(email));
    } else {
      error(ctx, 404, "No user '" + email + "'.");
    }
  }

  private void setQuotas(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    JsonObject user = users.get(body.getString("user"));
    if (user == null) {
      error(ctx, 404, "No user '" + body.getString("user") + "'.");
      return;
    }
    user.getJsonArray("quotas").stream().map(JsonObject.class::cast)
        .filter(quota -> body.containsKey(quota.getString("name"))).forEach(quota -> {
          Long limit = body.getLong(quota.getString("name"));
          quota.put("limit", limit == null ? DEFAULTS.get(quota.getString("name")) : limit)
              .put("default", limit == null);
        });
    ok(ctx, user);
  }

  private static void ok(RoutingContext ctx, Object json) {
    ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(json.toString());
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("id", status == 403 ? "forbidden" : "not_found").put("message", message).encode());
  }
}
