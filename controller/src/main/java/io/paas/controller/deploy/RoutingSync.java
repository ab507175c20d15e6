package io.paas.controller.deploy;

import io.paas.controller.store.App;
import io.paas.controller.store.AppSettings;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.Domain;
import io.paas.controller.store.DomainStore;
import io.paas.router.RouteSettings;
import io.paas.router.RoutingTable;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Makes the router's table and the TLS front match what the store says of every app: each app answers at its host
 * (503 until a release runs, rather than 404), with its settings and its custom domains, and {@link HttpsHosts} is
 * told the names that need HTTPS whenever they change. A pass reads the store afresh and passes run one after
 * another, so two changes made at once cannot leave the older one in the table. Backends are not its business:
 * the agents' traffic switches set those.
 */
public final class RoutingSync {
  private final AppStore apps;
  private final DomainStore domains;
  private final RoutingTable table;
  private final HttpsHosts https;
  private final AppUrls urls;
  private Future<Void> last = Future.succeededFuture();
  private Set<String> served;

  public RoutingSync(AppStore apps, DomainStore domains, RoutingTable table, HttpsHosts https, AppUrls urls) {
    this.apps = apps;
    this.domains = domains;
    this.table = table;
    this.https = https;
    this.urls = urls;
  }

  /** Completes once a pass that started after this call has applied the store; idempotent. */
  public synchronized Future<Void> sync() {
    last = last.transform(previous -> Future.all(apps.all(), domains.all()).<Void>map(both -> {
      apply(both.resultAt(0), both.resultAt(1));
      return null;
    }));
    return last;
  }

  private void apply(List<App> all, List<Domain> custom) {
    Map<Long, Set<String>> wanted = new HashMap<>();
    custom.forEach(d -> wanted.computeIfAbsent(d.appId(), id -> new TreeSet<>()).add(d.hostname()));
    SortedSet<String> secure = new TreeSet<>();
    for (App app : all) {
      if (table.backends(app.name()).isEmpty()) {
        table.put(app.name(), List.of());
      }
      table.settings(app.name(), routeSettings(app.settings()));
      Set<String> hosts = wanted.getOrDefault(app.id(), Set.of());
      table.domains(app.name(), hosts);
      secure.add(urls.host(app.name()));
      secure.addAll(hosts);
    }
    if (!secure.equals(served)) {
      served = secure;
      https.serve(Collections.unmodifiableSortedSet(secure));
    }
  }

  private static RouteSettings routeSettings(AppSettings settings) {
    return new RouteSettings(settings.maintenance(), Duration.ofSeconds(settings.requestTimeout()));
  }
}
