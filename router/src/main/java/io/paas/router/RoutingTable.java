package io.paas.router;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which web dynos serve each app. Written by the controller, read on every request: reads take no lock and each
 * app's list is an immutable snapshot, so a request sees either the old or the new list, never a mix.
 */
public final class RoutingTable {
  private final ConcurrentMap<String, List<Backend>> routes = new ConcurrentHashMap<>();

  /** Routes the app to these backends; an empty list keeps the app known but answers 503. */
  public void put(String app, List<Backend> backends) {
    routes.put(app, List.copyOf(backends));
  }

  /** Forgets the app: its host answers 404 from now on. */
  public void remove(String app) {
    routes.remove(app);
  }

  /** The app's backends, empty if the app is unknown. */
  public Optional<List<Backend>> backends(String app) {
    return Optional.ofNullable(routes.get(app));
  }
}
