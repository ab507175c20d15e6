package io.paas.router;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which web dynos serve each app, how (its {@link RouteSettings}) and under which custom domains. Written by the
 * controller, read on every request: reads take no lock and each app's list is an immutable snapshot, so a request
 * sees either the old or the new list, never a mix.
 */
public final class RoutingTable {
  private final ConcurrentMap<String, List<Backend>> routes = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, RouteSettings> settings = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> appByDomain = new ConcurrentHashMap<>();

  /** Routes the app to these backends; an empty list keeps the app known but answers 503. */
  public void put(String app, List<Backend> backends) {
    routes.put(app, List.copyOf(backends));
  }

  /** Forgets the app, its settings and its custom domains: its hosts answer 404 from now on. */
  public void remove(String app) {
    routes.remove(app);
    settings.remove(app);
    appByDomain.values().removeIf(app::equals);
  }

  /** The app's backends, empty if the app is unknown. */
  public Optional<List<Backend>> backends(String app) {
    return Optional.ofNullable(routes.get(app));
  }

  public void settings(String app, RouteSettings routeSettings) {
    settings.put(app, routeSettings);
  }

  /** The app's settings, {@link RouteSettings#DEFAULT} until the controller sets them. */
  public RouteSettings settings(String app) {
    return settings.getOrDefault(app, RouteSettings.DEFAULT);
  }

  /** Replaces the app's custom domains (host names, any case) by these. */
  public synchronized void domains(String app, Set<String> hostnames) {
    appByDomain.values().removeIf(app::equals);
    hostnames.forEach(host -> appByDomain.put(host.toLowerCase(Locale.ROOT), app));
  }

  /** The app a custom domain belongs to; {@code hostname} is lower case without port or trailing dot. */
  public Optional<String> appOfDomain(String hostname) {
    return Optional.ofNullable(appByDomain.get(hostname));
  }

  /** Every custom domain and its app, e.g. to give Caddy the names it needs certificates for. */
  public Map<String, String> domains() {
    return Map.copyOf(appByDomain);
  }
}
