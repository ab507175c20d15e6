package io.paas.controller.api;

import io.paas.controller.access.AppAccess;
import io.paas.controller.access.AppTransfers;
import io.paas.controller.access.Permission;
import io.paas.controller.access.Teams;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.deploy.AppLifecycle;
import io.paas.controller.deploy.AppSettingsService;
import io.paas.controller.deploy.AppUrls;
import io.paas.controller.metrics.AppSummaries;
import io.paas.controller.store.App;
import io.paas.controller.store.AppGrant;
import io.paas.controller.store.AppSettings;
import io.paas.controller.store.ReleaseStore;
import io.paas.controller.store.Role;
import io.paas.controller.store.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code /apps}: list (the caller's own, collaborated and team apps, each with the caller's role), create (personal,
 * or in a team the caller may add apps to), show, destroy, transfer, and {@code PATCH} an app's settings.
 */
final class AppsApi {
  private final AppAccess access;
  private final Guard guard;
  private final Teams teams;
  private final AppLifecycle lifecycle;
  private final AppSettingsService settings;
  private final AppTransfers transfers;
  private final ReleaseStore releases;
  private final AppSummaries summaries;
  private final AppUrls urls;
  private final AuditLog audit;

  AppsApi(AppAccess access, Guard guard, Teams teams, AppLifecycle lifecycle, AppSettingsService settings,
          AppTransfers transfers, ReleaseStore releases, AppSummaries summaries, AppUrls urls, AuditLog audit) {
    this.audit = audit;
    this.access = access;
    this.guard = guard;
    this.teams = teams;
    this.lifecycle = lifecycle;
    this.settings = settings;
    this.transfers = transfers;
    this.releases = releases;
    this.summaries = summaries;
    this.urls = urls;
  }

  void mount(Router router) {
    router.get("/apps").handler(this::list);
    router.post("/apps").handler(this::create);
    router.get("/apps/:app").handler(guard.app(Permission.READ)).handler(this::get);
    router.patch("/apps/:app").handler(guard.app(Permission.DEPLOY)).handler(this::patch);
    router.delete("/apps/:app").handler(guard.app(Permission.ADMIN)).handler(this::destroy);
    router.post("/apps/:app/transfer").handler(guard.app(Permission.ADMIN)).handler(this::transfer);
  }

  private void list(RoutingContext ctx) {
    Responses.json(ctx, 200, access.of(Bearer.user(ctx).id()).compose(grants -> {
      List<Future<JsonObject>> views = grants.stream().map(this::view).toList();
      return Future.all(views).map(all -> new JsonArray(all.list()));
    }));
  }

  /** {@code {"name", "team"}}: without a team the app is the caller's own. */
  private void create(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    String name = JsonBody.string(body, "name");
    String team = JsonBody.string(body, "team");
    User user = Bearer.user(ctx);
    Future<AppGrant> created = team == null
        ? lifecycle.create(name, user, null).map(app -> new AppGrant(app, Role.OWNER))
        : teams.find(user.id(), team, Permission.DEPLOY).compose(grant -> lifecycle.create(name, user,
            grant.team()).map(app -> new AppGrant(app, grant.role())));
    Responses.json(ctx, 201, created
        .compose(grant -> audit.record(Callers.actor(ctx), AuditAction.APP_CREATE, grant.app().name(),
            team == null ? Map.of() : Map.of("team", team)).map(grant))
        .compose(this::view));
  }

  private void get(RoutingContext ctx) {
    Responses.json(ctx, 200, view(Guard.appGrant(ctx)));
  }

  private void patch(RoutingContext ctx) {
    UnaryOperator<AppSettings> edit = SettingsPatch.of(JsonBody.of(ctx));
    AppGrant grant = Guard.appGrant(ctx);
    Responses.json(ctx, 200, settings.change(grant.app(), edit, Bearer.user(ctx).email())
        .compose(changed -> maintenance(ctx, grant.app(), changed).map(changed))
        .compose(changed -> view(new AppGrant(changed, grant.role()))));
  }

  /** Turning maintenance mode on or off is audited; the other settings are not. */
  private Future<Void> maintenance(RoutingContext ctx, App before, App after) {
    boolean on = after.settings().maintenance();
    if (before.settings().maintenance() == on) {
      return Future.succeededFuture();
    }
    return audit.record(Callers.actor(ctx), on ? AuditAction.MAINTENANCE_ON : AuditAction.MAINTENANCE_OFF,
        after.name(), Map.of());
  }

  private void destroy(RoutingContext ctx) {
    AppGrant grant = Guard.appGrant(ctx);
    Responses.json(ctx, 200, view(grant).compose(view -> lifecycle.destroy(grant.app())
        .compose(destroyed -> audit.record(Callers.actor(ctx), AuditAction.APP_DESTROY, grant.app().name(),
            Map.of()))
        .map(view)));
  }

  /** {@code {"to": "team" | "user@example.com"}}; the answer has no role: the caller may have none left. */
  private void transfer(RoutingContext ctx) {
    String to = JsonBody.string(JsonBody.of(ctx), "to");
    String app = Guard.app(ctx).name();
    Responses.json(ctx, 200, transfers.transfer(Guard.app(ctx), Bearer.user(ctx).id(), to)
        .compose(grant -> audit.record(Callers.actor(ctx), AuditAction.APP_TRANSFER, app,
            Map.of("to", String.valueOf(to))).map(grant))
        .compose(this::view));
  }

  private Future<JsonObject> view(AppGrant grant) {
    return view(grant.app()).map(json -> json.put("role", grant.role().wire()));
  }

  private Future<JsonObject> view(App app) {
    return Future.all(releases.current(app.id()), summaries.of(app))
        .map(both -> Views.app(app, both.resultAt(0), urls, both.resultAt(1)));
  }
}
