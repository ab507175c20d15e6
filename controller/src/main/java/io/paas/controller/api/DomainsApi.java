package io.paas.controller.api;

import io.paas.controller.access.Permission;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.deploy.AppUrls;
import io.paas.controller.deploy.DomainService;
import io.paas.controller.store.App;
import io.paas.controller.store.Domain;
import io.paas.controller.store.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code /apps/{app}/domains}: the app's default host first, then its custom domains; adding and removing a custom
 * one routes or unroutes it at once.
 */
final class DomainsApi {
  private final Guard guard;
  private final DomainService domains;
  private final AppUrls urls;
  private final AuditLog audit;

  DomainsApi(Guard guard, DomainService domains, AppUrls urls, AuditLog audit) {
    this.guard = guard;
    this.audit = audit;
    this.domains = domains;
    this.urls = urls;
  }

  void mount(Router router) {
    router.get("/apps/:app/domains").handler(guard.app(Permission.READ)).handler(this::list);
    router.post("/apps/:app/domains").handler(guard.app(Permission.DEPLOY)).handler(this::add);
    router.delete("/apps/:app/domains/:hostname").handler(guard.app(Permission.DEPLOY)).handler(this::remove);
  }

  private void list(RoutingContext ctx) {
    App app = Guard.app(ctx);
    Responses.json(ctx, 200, domains.list(app).map(custom -> {
      JsonArray all = new JsonArray().add(Views.defaultDomain(app, urls));
      custom.forEach(domain -> all.add(view(app, domain)));
      return all;
    }));
  }

  private void add(RoutingContext ctx) {
    String hostname = JsonBody.string(JsonBody.of(ctx), "hostname");
    User user = Bearer.user(ctx);
    App app = Guard.app(ctx);
    Responses.json(ctx, 201, domains.add(app, hostname, user.email())
        .compose(domain -> audited(ctx, AuditAction.DOMAIN_ADD, app, domain))
        .map(domain -> view(app, domain)));
  }

  private void remove(RoutingContext ctx) {
    User user = Bearer.user(ctx);
    App app = Guard.app(ctx);
    Responses.json(ctx, 200, domains.remove(app, ctx.pathParam("hostname"), user.email())
        .compose(domain -> audited(ctx, AuditAction.DOMAIN_REMOVE, app, domain))
        .map(domain -> view(app, domain)));
  }

  private Future<Domain> audited(RoutingContext ctx, AuditAction action, App app, Domain domain) {
    return audit.record(Callers.actor(ctx), action, app.name(), Map.of("hostname", domain.hostname())).map(domain);
  }

  private JsonObject view(App app, Domain domain) {
    return Views.customDomain(domain, urls.host(app.name()));
  }
}
