package io.paas.controller.api;

import io.paas.controller.access.AppAccess;
import io.paas.controller.access.AppTransfers;
import io.paas.controller.access.Permission;
import io.paas.controller.access.Teams;
import io.paas.controller.deploy.AppLifecycle;
import io.paas.controller.deploy.AppSettingsService;
import io.paas.controller.deploy.AppUrls;
import io.paas.controller.store.App;
import io.paas.controller.store.AppGrant;
import io.paas.controller.store.AppSettings;
import io.paas.controller.store.ReleaseStore;
import io.paas.controller.store.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
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
  private final AppUrls urls;

  AppsApi(AppAccess access, Guard guard, Teams teams, AppLifecycle lifecycle, AppSettingsService settings,
          AppTransfers transfers, ReleaseStore releases, AppUrls urls) {
    this.access = access;
    this.guard = guard;
    this.teams = teams;
    this.lifecycle = lifecycle;
    this.settings = settings;
    this.transfers = transfers;
    this.releases = releases;
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
    long userId = Bearer.user(ctx).id();
    Future<AppGrant> created = team == null
        ? lifecycle.create(name, userId, null).map(app -> new AppGrant(app, Role.OWNER))
        : teams.find(userId, team, Permission.DEPLOY).compose(grant -> lifecycle.create(name, userId,
            grant.team().id()).map(app -> new AppGrant(app, grant.role())));
    Responses.json(ctx, 201, created.compose(this::view));
  }

  private void get(RoutingContext ctx) {
    Responses.json(ctx, 200, view(Guard.appGrant(ctx)));
  }

  private void patch(RoutingContext ctx) {
    UnaryOperator<AppSettings> edit = SettingsPatch.of(JsonBody.of(ctx));
    AppGrant grant = Guard.appGrant(ctx);
    Responses.json(ctx, 200, settings.change(grant.app(), edit, Bearer.user(ctx).email())
        .compose(changed -> view(new AppGrant(changed, grant.role()))));
  }

  private void destroy(RoutingContext ctx) {
    AppGrant grant = Guard.appGrant(ctx);
    Responses.json(ctx, 200, view(grant).compose(view -> lifecycle.destroy(grant.app()).map(view)));
  }

  /** {@code {"to": "team" | "user@example.com"}}; the answer has no role: the caller may have none left. */
  private void transfer(RoutingContext ctx) {
    String to = JsonBody.string(JsonBody.of(ctx), "to");
    Responses.json(ctx, 200, transfers.transfer(Guard.app(ctx), Bearer.user(ctx).id(), to).compose(this::view));
  }

  private Future<JsonObject> view(AppGrant grant) {
    return view(grant.app()).map(json -> json.put("role", grant.role().wire()));
  }

  private Future<JsonObject> view(App app) {
    return releases.current(app.id()).map(current -> Views.app(app, current, urls));
  }
}
