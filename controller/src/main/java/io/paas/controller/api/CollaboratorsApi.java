package io.paas.controller.api;

import io.paas.controller.access.Collaborators;
import io.paas.controller.access.Permission;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code /apps/{app}/collaborators}: who has access to the app, with their role (the owner and collaborators, or
 * the team's members); the owner adds and removes collaborators of a personal app. A team app's access is its
 * team's: changing it here is a 422 that says so.
 */
final class CollaboratorsApi {
  private final Guard guard;
  private final Collaborators collaborators;
  private final AuditLog audit;

  CollaboratorsApi(Guard guard, Collaborators collaborators, AuditLog audit) {
    this.audit = audit;
    this.guard = guard;
    this.collaborators = collaborators;
  }

  void mount(Router router) {
    router.get("/apps/:app/collaborators").handler(guard.app(Permission.READ)).handler(this::list);
    router.post("/apps/:app/collaborators").handler(guard.app(Permission.ADMIN)).handler(this::add);
    router.delete("/apps/:app/collaborators/:email").handler(guard.app(Permission.ADMIN)).handler(this::remove);
  }

  private void list(RoutingContext ctx) {
    Responses.json(ctx, 200, collaborators.of(Guard.app(ctx))
        .map(all -> new JsonArray(all.stream().map(Views::member).toList())));
  }

  private void add(RoutingContext ctx) {
    String email = JsonBody.string(JsonBody.of(ctx), "email");
    Responses.json(ctx, 201, collaborators.add(Guard.app(ctx), email)
        .compose(member -> audit.record(Callers.actor(ctx), AuditAction.ACCESS_ADD, Guard.app(ctx).name(),
            Map.of("email", member.email())).map(member))
        .map(Views::member));
  }

  private void remove(RoutingContext ctx) {
    Responses.json(ctx, 200, collaborators.remove(Guard.app(ctx), ctx.pathParam("email"))
        .compose(member -> audit.record(Callers.actor(ctx), AuditAction.ACCESS_REMOVE, Guard.app(ctx).name(),
            Map.of("email", member.email())).map(member))
        .map(Views::member));
  }
}
