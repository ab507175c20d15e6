package io.paas.router;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole {@link RoutingTable} at one {@code version}: every app it routes, with its backends, settings and
 * custom domains. What a standalone router receives from the controller and keeps on disk.
 */
public record RoutingSnapshot(long version, Map<String, AppRoute> apps) {
  public RoutingSnapshot {
    apps = Map.copyOf(apps);
  }

  /** One app's route; an empty {@code backends} list keeps the app known (503 rather than 404). */
  public record AppRoute(List<Backend> backends, RouteSettings settings, Set<String> domains) {
    public AppRoute {
      backends = List.copyOf(backends);
      domains = Set.copyOf(domains);
    }
  }
}
