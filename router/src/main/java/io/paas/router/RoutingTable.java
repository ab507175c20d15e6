package io.paas.router;

import io.paas.router.RoutingSnapshot.AppRoute;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which web dynos serve each app, how (its {@link RouteSettings}) and under which custom domains. Written by the
 * controller, read on every request: reads take no lock and each app's list is an immutable snapshot, so a request
 * sees either the old or the new list, never a mix. Every change that alters what is routed raises {@link #version()}
 * and tells the change listeners, so the table can be followed from another process (see {@link #snapshot()}).
 */
public final class RoutingTable {
  private final ConcurrentMap<String, List<Backend>> routes = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, RouteSettings> settings = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> appByDomain = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Routes the app to these backends; an empty list keeps the app known but answers 503. */
  public void put(String app, List<Backend> backends) {
    if (!Objects.equals(routes.put(app, List.copyOf(backends)), backends)) {
      changed();
    }
  }

  /** Forgets the app, its settings and its custom domains: its hosts answer 404 from now on. */
  public synchronized void remove(String app) {
    forget(app);
    changed();
  }

  private void forget(String app) {
    routes.remove(app);
    settings.remove(app);
    appByDomain.values().removeIf(app::equals);
  }

  /** The app's backends, empty if the app is unknown. */
  public Optional<List<Backend>> backends(String app) {
    return Optional.ofNullable(routes.get(app));
  }

  public void settings(String app, RouteSettings routeSettings) {
    if (!routeSettings.equals(settings.put(app, routeSettings))) {
      changed();
    }
  }

  /** The app's settings, {@link RouteSettings#DEFAULT} until the controller sets them. */
  public RouteSettings settings(String app) {
    return settings.getOrDefault(app, RouteSettings.DEFAULT);
  }

  /** Replaces the app's custom domains (host names, any case) by these; the same ones again change nothing. */
  public synchronized void domains(String app, Set<String> hostnames) {
    Set<String> wanted = new HashSet<>();
    hostnames.forEach(host -> wanted.add(host.toLowerCase(Locale.ROOT)));
    Set<String> current = new HashSet<>();
    appByDomain.forEach((host, owner) -> {
      if (owner.equals(app)) {
        current.add(host);
      }
    });
    if (!wanted.equals(current)) {
      setDomains(app, wanted);
      changed();
    }
  }

  private void setDomains(String app, Set<String> hostnames) {
    appByDomain.values().removeIf(app::equals);
    hostnames.forEach(host -> appByDomain.put(host.toLowerCase(Locale.ROOT), app));
  }

  /** The app a custom domain belongs to; {@code hostname} is lower case without port or trailing dot. */
  public Optional<String> appOfDomain(String hostname) {
    return Optional.ofNullable(appByDomain.get(hostname));
  }

  /** Goes up with every change; only ever compared with versions of the same table. */
  public long version() {
    return version.get();
  }

  /**
   * Calls the listener after every change, on the changing thread (under the table's lock for some changes): it
   * must only hand the news over to its own context.
   */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * Every routed app with its settings and domains. The version is read first, so a change made while the snapshot
   * is taken gives a later version: whoever follows the table by version sees that change next time.
   */
  public synchronized RoutingSnapshot snapshot() {
    long at = version.get();
    Map<String, Set<String>> domainsByApp = new HashMap<>();
    appByDomain.forEach((host, app) -> domainsByApp.computeIfAbsent(app, a -> new HashSet<>()).add(host));
    Map<String, AppRoute> apps = new HashMap<>();
    routes.forEach((app, backends) -> apps.put(app,
        new AppRoute(backends, settings(app), domainsByApp.getOrDefault(app, Set.of()))));
    return new RoutingSnapshot(at, apps);
  }

  /**
   * Makes the table what the snapshot says, one app at a time (a request sees an app's old or new route, never a
   * mix), and forgets the apps it does not name. The snapshot's version is the other table's, not this one's.
   */
  public synchronized void replace(RoutingSnapshot snapshot) {
    routes.keySet().stream().filter(app -> !snapshot.apps().containsKey(app)).toList().forEach(this::forget);
    snapshot.apps().forEach((app, route) -> {
      settings.put(app, route.settings());
      setDomains(app, route.domains());
      routes.put(app, route.backends());
    });
    changed();
  }

  private void changed() {
    version.incrementAndGet();
    listeners.forEach(Runnable::run);
  }
}
