package io.paas.controller.cluster;

import io.paas.router.Backend;
import io.paas.router.RouterServer;
import io.paas.router.RoutingTable;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routing table as the union of every agent's web dynos: each agent sets its own backends for an app, and the
 * app's route is all of them, so one agent's traffic switch never drops another's dynos.
 */
public final class ClusterRoutes {
  private final RoutingTable table;
  private final RouterServer router;
  private final Duration drain;
  private final Map<String, Map<Long, List<Backend>>> byApp = new ConcurrentHashMap<>();

  public ClusterRoutes(RoutingTable table, RouterServer router, Duration drain) {
    this.table = table;
    this.router = router;
    this.drain = drain;
  }

  /** Sets the agent's backends for the app; completes once the ones it replaced are drained. */
  public Future<Void> serve(String app, long agentId, List<Backend> backends) {
    List<Backend> replaced;
    synchronized (this) {
      Map<Long, List<Backend>> agents = byApp.computeIfAbsent(app, a -> new ConcurrentHashMap<>());
      replaced = agents.getOrDefault(agentId, List.of()).stream().filter(b -> !backends.contains(b)).toList();
      agents.put(agentId, List.copyOf(backends));
      publish(app);
    }
    return Future.all(replaced.stream().map(b -> router.awaitIdle(b, drain)).toList()).mapEmpty();
  }

  /** A lost agent serves nothing any more. */
  public synchronized void drop(long agentId) {
    byApp.forEach((app, agents) -> {
      if (agents.remove(agentId) != null) {
        publish(app);
      }
    });
  }

  /** An app destroyed leaves no route behind. */
  public synchronized void forget(String app) {
    byApp.remove(app);
  }

  private void publish(String app) {
    List<Backend> all = new ArrayList<>();
    byApp.getOrDefault(app, Map.of()).values().forEach(all::addAll);
    table.put(app, all);
  }
}
