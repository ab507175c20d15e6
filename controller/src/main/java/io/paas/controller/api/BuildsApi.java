package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.access.Permission;
import io.paas.controller.store.BuildStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

final class BuildsApi {
  private final Guard guard;
  private final BuildStore builds;

  BuildsApi(Guard guard, BuildStore builds) {
    this.guard = guard;
    this.builds = builds;
  }

  void mount(Router router) {
    router.get("/apps/:app/builds").handler(guard.app(Permission.READ)).handler(this::list);
    router.get("/apps/:app/builds/:id").handler(guard.app(Permission.READ)).handler(this::get);
  }

  private void list(RoutingContext ctx) {
    Responses.json(ctx, 200, builds.list(Guard.app(ctx).id())
        .map(all -> new JsonArray(all.stream().map(b -> Views.build(b, false)).toList())));
  }

  private void get(RoutingContext ctx) {
    long id = PathParams.number(ctx, "id");
    Responses.json(ctx, 200, builds.get(Guard.app(ctx).id(), id)
        .compose(build -> build.map(b -> Future.succeededFuture(Views.build(b, true)))
            .orElseGet(() -> Future.failedFuture(ApiException.notFound("Couldn't find that build.")))));
  }
}
