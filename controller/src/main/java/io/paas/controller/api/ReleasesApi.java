package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.deploy.AppAccess;
import io.paas.controller.store.ReleaseStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

final class ReleasesApi {
  private final AppAccess access;
  private final ReleaseStore releases;

  ReleasesApi(AppAccess access, ReleaseStore releases) {
    this.access = access;
    this.releases = releases;
  }

  void mount(Router router) {
    router.get("/apps/:app/releases").handler(this::list);
    router.get("/apps/:app/releases/:version").handler(this::get);
  }

  private void list(RoutingContext ctx) {
    Responses.json(ctx, 200, access.find(Bearer.user(ctx).id(), ctx.pathParam("app"))
        .compose(app -> releases.list(app.id()))
        .map(all -> new JsonArray(all.stream().map(Views::release).toList())));
  }

  /** Accepts {@code 3} or {@code v3}. */
  private void get(RoutingContext ctx) {
    String raw = ctx.pathParam("version");
    long version = PathParams.number(raw.startsWith("v") ? raw.substring(1) : raw, "version");
    Responses.json(ctx, 200, access.find(Bearer.user(ctx).id(), ctx.pathParam("app"))
        .compose(app -> releases.get(app.id(), (int) version))
        .compose(release -> release.map(r -> Future.succeededFuture(Views.release(r)))
            .orElseGet(() -> Future.failedFuture(ApiException.notFound("Couldn't find that release.")))));
  }
}
