package io.paas.router.proxy;

import io.paas.router.RoutingTable;
import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/** Answers the maintenance page for an app in maintenance mode, without touching its dynos. */
final class MaintenanceInterceptor implements ProxyInterceptor {
  private final RoutingTable table;

  MaintenanceInterceptor(RoutingTable table) {
    this.table = table;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    return table.settings(Exchange.of(context).app()).maintenance()
        ? Future.failedFuture(RouteFailure.of(RouterError.MAINTENANCE))
        : context.sendRequest();
  }
}
