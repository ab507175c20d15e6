package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.deploy.AppAccess;
import io.paas.controller.store.BuildStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

final class BuildsApi {
  private final AppAccess access;
  private final BuildStore builds;

  BuildsApi(AppAccess access, BuildStore builds) {
    this.access = access;
    this.builds = builds;
  }

  void mount(Router router) {
    router.get("/apps/:app/builds").handler(this::list);
    router.get("/apps/:app/builds/:id").handler(this::get);
  }

  private void list(RoutingContext ctx) {
    Responses.json(ctx, 200, access.find(Bearer.user(ctx).id(), ctx.pathParam("app"))
        .compose(app -> builds.list(app.id()))
        .map(all -> new JsonArray(all.stream().map(b -> Views.build(b, false)).toList())));
  }

  private void get(RoutingContext ctx) {
    long id = PathParams.number(ctx, "id");
    Responses.json(ctx, 200, access.find(Bearer.user(ctx).id(), ctx.pathParam("app"))
        .compose(app -> builds.get(app.id(), id))
        .compose(build -> build.map(b -> Future.succeededFuture(Views.build(b, true)))
            .orElseGet(() -> Future.failedFuture(ApiException.notFound("Couldn't find that build.")))));
  }
}
