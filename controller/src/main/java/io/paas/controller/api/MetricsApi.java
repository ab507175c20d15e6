package io.paas.controller.api;

import io.paas.controller.access.Permission;
import io.paas.controller.metrics.AppMetrics;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /apps/{app}/metrics}: the app's last hour by minute, its requests and its dynos' memory. */
final class MetricsApi {
  private final Guard guard;
  private final AppMetrics metrics;

  MetricsApi(Guard guard, AppMetrics metrics) {
    this.guard = guard;
    this.metrics = metrics;
  }

  void mount(Router router) {
    router.get("/apps/:app/metrics").handler(guard.app(Permission.READ)).handler(this::get);
  }

  private void get(RoutingContext ctx) {
    String app = Guard.app(ctx).name();
    ctx.json(Views.metrics(metrics.requests(app), metrics.memory(app)));
  }
}
