package io.paas.controller.api;

import io.paas.controller.deploy.AppAccess;
import io.paas.controller.logs.drains.DrainService;
import io.paas.controller.store.App;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /apps/{app}/log-drains}: where the app's log lines are forwarded (syslog, syslog over TLS, https), and how
 * delivery is going. A drain is removed by its id, its token or its URL.
 */
final class DrainsApi {
  private final AppAccess access;
  private final DrainService drains;

  DrainsApi(AppAccess access, DrainService drains) {
    this.access = access;
    this.drains = drains;
  }

  void mount(Router router) {
    router.get("/apps/:app/log-drains").handler(this::list);
    router.post("/apps/:app/log-drains").handler(this::add);
    router.delete("/apps/:app/log-drains/:drain").handler(this::remove);
  }

  private void list(RoutingContext ctx) {
    Responses.json(ctx, 200, app(ctx).compose(drains::list)
        .map(all -> new JsonArray(all.stream().map(Views::logDrain).toList())));
  }

  private void add(RoutingContext ctx) {
    String url = JsonBody.string(JsonBody.of(ctx), "url");
    Responses.json(ctx, 201, app(ctx).compose(app -> drains.add(app, url, Bearer.user(ctx))).map(Views::logDrain));
  }

  private void remove(RoutingContext ctx) {
    Responses.json(ctx, 200, app(ctx)
        .compose(app -> drains.remove(app, ctx.pathParam("drain"), Bearer.user(ctx).email()))
        .map(Views::logDrain));
  }

  private Future<App> app(RoutingContext ctx) {
    return access.find(Bearer.user(ctx).id(), ctx.pathParam("app"));
  }
}
