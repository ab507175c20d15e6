package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.access.AppAccess;
import io.paas.controller.access.Permission;
import io.paas.controller.addons.AddonPlan;
import io.paas.controller.addons.AddonProvider;
import io.paas.controller.addons.AddonService;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.store.Addon;
import io.paas.controller.store.App;
import io.paas.controller.store.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * {@code /addon-services} and {@code /apps/{app}/addons}. Listings name the config vars an addon sets but never
 * their values; {@code GET /apps/{app}/addons/{name}?show_credentials=true} is the one place they are shown.
 */
final class AddonsApi {
  private final Guard guard;
  private final AddonService addons;
  private final AuditLog audit;

  AddonsApi(Guard guard, AddonService addons, AuditLog audit) {
    this.guard = guard;
    this.audit = audit;
    this.addons = addons;
  }

  void mount(Router router) {
    router.get("/addon-services").handler(this::services);
    router.get("/apps/:app/addons").handler(guard.app(Permission.READ)).handler(this::list);
    router.post("/apps/:app/addons").handler(guard.app(Permission.DEPLOY)).handler(this::create);
    router.get("/apps/:app/addons/:addon").handler(guard.app(Permission.READ)).handler(this::info);
    router.delete("/apps/:app/addons/:addon").handler(guard.app(Permission.DEPLOY)).handler(this::destroy);
  }

  private void services(RoutingContext ctx) {
    JsonArray services = new JsonArray();
    for (AddonProvider provider : addons.catalog().providers()) {
      JsonArray plans = new JsonArray();
      List<AddonPlan> all = provider.plans();
      for (AddonPlan plan : all) {
        plans.add(new JsonObject().put("name", plan.name()).put("description", plan.description())
            .put("default", plan == all.get(0)));
      }
      services.add(new JsonObject().put("name", provider.service())
          .put("default_attachment", provider.defaultAttachment()).put("plans", plans));
    }
    ctx.json(services);
  }

  private void list(RoutingContext ctx) {
    Responses.json(ctx, 200, addons.list(Guard.app(ctx))
        .map(all -> new JsonArray(all.stream().map(this::view).toList())));
  }

  private void create(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    String plan = JsonBody.string(body, "plan");
    String as = JsonBody.string(body, "as");
    if (plan == null || plan.isBlank()) {
      throw ApiException.badRequest("Field plan is required: a service, or service:plan.");
    }
    User user = Bearer.user(ctx);
    App app = Guard.app(ctx);
    Responses.json(ctx, 201, addons.create(app, plan, as, user.id(), user.email())
        .compose(addon -> audited(ctx, AuditAction.ADDON_CREATE, app, addon))
        .map(this::view));
  }

  /** Credentials are config: showing them needs DEPLOY, as reading config vars does. */
  private void info(RoutingContext ctx) {
    boolean credentials = "true".equals(ctx.queryParams().get("show_credentials"));
    if (credentials) {
      AppAccess.require(Guard.appGrant(ctx), Permission.DEPLOY);
    }
    Responses.json(ctx, 200, addons.get(Guard.app(ctx), ctx.pathParam("addon"))
        .compose(addon -> addons.info(addon).map(facts -> {
          JsonObject view = view(addon).put("info", new JsonObject(Map.copyOf(facts)));
          if (credentials) {
            view.put("config", new JsonObject(Map.copyOf(addons.configVars(addon))));
          }
          return view;
        })));
  }

  private void destroy(RoutingContext ctx) {
    User user = Bearer.user(ctx);
    App app = Guard.app(ctx);
    Responses.json(ctx, 200, addons.destroy(app, ctx.pathParam("addon"), user.id(), user.email())
            .compose(addon -> audited(ctx, AuditAction.ADDON_DESTROY, app, addon))
        .map(this::view));
  }

  /** The addon by its names and the keys of the config vars it sets: its credentials stay out of the audit log. */
  private Future<Addon> audited(RoutingContext ctx, AuditAction action, App app, Addon addon) {
    return audit.record(Callers.actor(ctx), action, app.name(), Map.of("addon", addon.name(), "plan",
            addon.service() + ":" + addon.plan(), "attachment", addon.attachedAs(),
            "config_vars", addons.configVars(addon).keySet().stream().sorted().toList()))
        .map(addon);
  }

  private JsonObject view(Addon addon) {
    return new JsonObject()
        .put("name", addon.name())
        .put("service", addon.service())
        .put("plan", addon.plan())
        .put("attachment", addon.attachedAs())
        .put("config_vars", new JsonArray(addons.configVars(addon).keySet().stream().sorted().toList()))
        .put("created_at", addon.createdAt().toString());
  }
}
