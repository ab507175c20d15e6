package io.paas.controller.api;

import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.deploy.AppAccess;
import io.paas.controller.deploy.AppLifecycle;
import io.paas.controller.deploy.AppSettingsService;
import io.paas.controller.deploy.AppUrls;
import io.paas.controller.store.App;
import io.paas.controller.store.AppSettings;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.ReleaseStore;
import io.paas.controller.store.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** {@code /apps}: list, create, show, destroy, and {@code PATCH} an app's settings. */
final class AppsApi {
  private final AppStore apps;
  private final AppAccess access;
  private final AppLifecycle lifecycle;
  private final AppSettingsService settings;
  private final ReleaseStore releases;
  private final AppUrls urls;
  private final AuditLog audit;

  AppsApi(AppStore apps, AppAccess access, AppLifecycle lifecycle, AppSettingsService settings, ReleaseStore releases,
          AppUrls urls, AuditLog audit) {
    this.audit = audit;
    this.apps = apps;
    this.access = access;
    this.lifecycle = lifecycle;
    this.settings = settings;
    this.releases = releases;
    this.urls = urls;
  }

  void mount(Router router) {
    router.get("/apps").handler(this::list);
    router.post("/apps").handler(this::create);
    router.get("/apps/:app").handler(this::get);
    router.patch("/apps/:app").handler(this::patch);
    router.delete("/apps/:app").handler(this::destroy);
  }

  private void list(RoutingContext ctx) {
    Responses.json(ctx, 200, apps.ownedBy(Bearer.user(ctx).id()).compose(owned -> {
      List<Future<JsonObject>> views = owned.stream().map(this::view).toList();
      return Future.all(views).map(all -> new JsonArray(all.list()));
    }));
  }

  private void create(RoutingContext ctx) {
    String name = JsonBody.string(JsonBody.of(ctx), "name");
    Responses.json(ctx, 201, lifecycle.create(name, Bearer.user(ctx))
        .compose(app -> audit.record(Callers.actor(ctx), AuditAction.APP_CREATE, app.name(), Map.of()).map(app))
        .compose(this::view));
  }

  private void get(RoutingContext ctx) {
    Responses.json(ctx, 200, app(ctx).compose(this::view));
  }

  private void patch(RoutingContext ctx) {
    UnaryOperator<AppSettings> edit = SettingsPatch.of(JsonBody.of(ctx));
    User user = Bearer.user(ctx);
    Responses.json(ctx, 200, app(ctx).compose(app -> settings.change(app, edit, user.email())
        .compose(changed -> maintenance(ctx, app, changed).map(changed))).compose(this::view));
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
    Responses.json(ctx, 200, app(ctx).compose(app -> view(app).compose(view -> lifecycle.destroy(app)
        .compose(destroyed -> audit.record(Callers.actor(ctx), AuditAction.APP_DESTROY, app.name(), Map.of()))
        .map(view))));
  }

  private Future<App> app(RoutingContext ctx) {
    return access.find(Bearer.user(ctx).id(), ctx.pathParam("app"));
  }

  private Future<JsonObject> view(App app) {
    return releases.current(app.id()).map(current -> Views.app(app, current, urls));
  }
}
