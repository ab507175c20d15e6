package io.paas.controller.api;

import io.paas.controller.access.Permission;
import io.paas.controller.logs.drains.DrainService;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /apps/{app}/log-drains}: where the app's log lines are forwarded (syslog, syslog over TLS, https), and how
 * delivery is going. A drain is removed by its id, its token or its URL.
 */
final class DrainsApi {
  private final Guard guard;
  private final DrainService drains;

  DrainsApi(Guard guard, DrainService drains) {
    this.guard = guard;
    this.drains = drains;
  }

  void mount(Router router) {
    router.get("/apps/:app/log-drains").handler(guard.app(Permission.READ)).handler(this::list);
    router.post("/apps/:app/log-drains").handler(guard.app(Permission.DEPLOY)).handler(this::add);
    router.delete("/apps/:app/log-drains/:drain").handler(guard.app(Permission.DEPLOY)).handler(this::remove);
  }

  private void list(RoutingContext ctx) {
    Responses.json(ctx, 200, drains.list(Guard.app(ctx))
        .map(all -> new JsonArray(all.stream().map(Views::logDrain).toList())));
  }

  private void add(RoutingContext ctx) {
    String url = JsonBody.string(JsonBody.of(ctx), "url");
    Responses.json(ctx, 201, drains.add(Guard.app(ctx), url, Bearer.user(ctx)).map(Views::logDrain));
  }

  private void remove(RoutingContext ctx) {
    Responses.json(ctx, 200, drains.remove(Guard.app(ctx), ctx.pathParam("drain"), Bearer.user(ctx).email())
        .map(Views::logDrain));
  }
}
