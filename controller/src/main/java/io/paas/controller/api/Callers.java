package io.paas.controller.api;

import io.paas.controller.audit.Actor;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/** The caller of a request as the audit log names them: the signed-in user and the address they came from. */
final class Callers {
  private Callers() {
  }

  static Actor actor(RoutingContext ctx) {
    return Actor.of(Bearer.user(ctx), address(ctx));
  }

  /** The peer's address: the API is reached directly, so no forwarding header is trusted. */
  static String address(RoutingContext ctx) {
    SocketAddress remote = ctx.request().remoteAddress();
    return remote == null ? null : remote.hostAddress();
  }
}
