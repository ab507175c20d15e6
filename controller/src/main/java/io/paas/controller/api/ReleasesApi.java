package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.access.Permission;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.deploy.ReleaseService;
import io.paas.controller.store.App;
import io.paas.controller.store.Release;
import io.paas.controller.store.ReleaseStore;
import io.paas.controller.store.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;

final class ReleasesApi {
  private final Guard guard;
  private final ReleaseStore releases;
  private final ReleaseService service;
  private final AuditLog audit;

  ReleasesApi(Guard guard, ReleaseStore releases, ReleaseService service, AuditLog audit) {
    this.guard = guard;
    this.audit = audit;
    this.releases = releases;
    this.service = service;
  }

  void mount(Router router) {
    router.get("/apps/:app/releases").handler(guard.app(Permission.READ)).handler(this::list);
    router.post("/apps/:app/releases").handler(guard.app(Permission.DEPLOY)).handler(this::rollback);
    router.get("/apps/:app/releases/:version").handler(guard.app(Permission.READ)).handler(this::get);
  }

  private void list(RoutingContext ctx) {
    long app = Guard.app(ctx).id();
    Responses.json(ctx, 200, releases.current(app).compose(current -> releases.list(app)
        .map(all -> new JsonArray(all.stream().map(r -> Views.release(r, isCurrent(r, current), false)).toList()))));
  }

  /** Accepts {@code 3} or {@code v3}. */
  private void get(RoutingContext ctx) {
    String raw = ctx.pathParam("version");
    int version = (int) PathParams.number(raw.startsWith("v") ? raw.substring(1) : raw, "version");
    long app = Guard.app(ctx).id();
    Responses.json(ctx, 200, releases.current(app).compose(current -> releases.get(app, version)
        .compose(release -> release.map(r -> Future.succeededFuture(Views.release(r, isCurrent(r, current), true)))
            .orElseGet(() -> Future.failedFuture(ApiException.notFound("Couldn't find release v" + version + "."))))));
  }

  /** {@code {"release": N}}: a new release from vN's image, config vars and process types. */
  private void rollback(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    Object target = body.getValue("release");
    if (!(target instanceof Integer) && !(target instanceof Long)) {
      throw ApiException.badRequest("Field release must be a release number, as in {\"release\": 3}.");
    }
    long version = ((Number) target).longValue();
    if (version < 1 || version > Integer.MAX_VALUE) {
      throw ApiException.notFound("Couldn't find release v" + version + ".");
    }
    User user = Bearer.user(ctx);
    App app = Guard.app(ctx);
    Responses.json(ctx, 201, service.rollback(app, (int) version, user.id(), user.email())
            .compose(release -> audit.record(Callers.actor(ctx), AuditAction.ROLLBACK, app.name(),
                Map.of("release", release.name(), "to", "v" + version)).map(release))
        .map(release -> Views.release(release, true, true)));
  }

  private static boolean isCurrent(Release release, Optional<Release> current) {
    return current.map(c -> c.id() == release.id()).orElse(false);
  }
}
