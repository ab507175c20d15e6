package io.paas.controller.server;

import io.paas.common.network.AppNetworks;
import io.paas.controller.addons.AppSubnets;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** App subnets from the local Docker engine: the network is made now when the app has none yet. */
final class DockerAppSubnets implements AppSubnets {
  private final Vertx vertx;
  private final AppNetworks networks;

  DockerAppSubnets(Vertx vertx, AppNetworks networks) {
    this.vertx = vertx;
    this.networks = networks;
  }

  @Override
  public Future<String> subnet(String app) {
    return vertx.executeBlocking(() -> networks.ensure(app).subnet(), false);
  }
}
