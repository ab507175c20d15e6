package io.paas.controller.server;

import io.paas.agent.Dyno;
import io.paas.agent.TrafficSwitch;
import io.paas.router.Backend;
import io.paas.router.RouterServer;
import io.paas.router.RoutingTable;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/** The all-in-one server's traffic switch: the agent's dynos go straight into the router's table. */
final class InProcessTraffic implements TrafficSwitch {
  private final RoutingTable table;
  private final RouterServer router;
  private final Duration drain;

  InProcessTraffic(RoutingTable table, RouterServer router, Duration drain) {
    this.table = table;
    this.router = router;
    this.drain = drain;
  }

  @Override
  public Future<Void> serve(String app, List<Dyno> dynos) {
    List<Backend> next = dynos.stream().map(d -> new Backend(d.name(), d.host(), d.port())).toList();
    List<Backend> replaced = table.backends(app).orElse(List.of()).stream().filter(b -> !next.contains(b)).toList();
    table.put(app, next);
    return Future.all(replaced.stream().map(b -> router.awaitIdle(b, drain)).toList()).mapEmpty();
  }
}
