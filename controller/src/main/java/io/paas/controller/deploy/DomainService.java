package io.paas.controller.deploy;

import io.paas.common.ApiException;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.store.App;
import io.paas.controller.store.Domain;
import io.paas.controller.store.DomainStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;

/** An app's custom domains: checked, stored, routed at once and announced in the app's log. */
public final class DomainService {
  private final DomainStore domains;
  private final DomainNames names;
  private final RoutingSync routing;
  private final LogHub logs;

  public DomainService(DomainStore domains, DomainNames names, RoutingSync routing, LogHub logs) {
    this.domains = domains;
    this.names = names;
    this.routing = routing;
    this.logs = logs;
  }

  public Future<List<Domain>> list(App app) {
    return domains.ofApp(app.id());
  }

  /** Completes once the router serves the name; a name any app has is a 409. */
  public Future<Domain> add(App app, String hostname, String email) {
    return Future.succeededFuture(hostname).map(names::require)
        .compose(name -> domains.insert(app.id(), name))
        .compose(added -> announced(app, "Domain " + added.hostname() + " added by user " + email, added));
  }

  /** Completes once the router no longer serves the name; a name the app does not have is a 404. */
  public Future<Domain> remove(App app, String hostname, String email) {
    return domains.delete(app.id(), hostname.toLowerCase(Locale.ROOT))
        .map(found -> found.orElseThrow(() -> ApiException.notFound("Couldn't find that domain.")))
        .compose(removed -> announced(app, "Domain " + removed.hostname() + " removed by user " + email, removed));
  }

  private Future<Domain> announced(App app, String event, Domain domain) {
    logs.append(app.name(), LogEntry.now(LogEntry.PLATFORM, "api", event));
    return routing.sync().map(domain);
  }
}
