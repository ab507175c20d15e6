package io.paas.controller.api;

import io.paas.controller.access.Permission;
import io.paas.controller.access.Teams;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.store.Member;
import io.paas.controller.store.Team;
import io.paas.controller.store.TeamGrant;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code /teams}: the caller's teams with their role, creating one (the creator its admin), a team with its members
 * (any member may look), and managing the members (its admins only). Roles are admin, member and viewer.
 */
final class TeamsApi {
  private final Guard guard;
  private final Teams teams;
  private final AuditLog audit;

  TeamsApi(Guard guard, Teams teams, AuditLog audit) {
    this.audit = audit;
    this.guard = guard;
    this.teams = teams;
  }

  void mount(Router router) {
    router.get("/teams").handler(this::list);
    router.post("/teams").handler(this::create);
    router.get("/teams/:team").handler(guard.team(Permission.READ)).handler(this::get);
    router.post("/teams/:team/members").handler(guard.team(Permission.ADMIN)).handler(this::add);
    router.patch("/teams/:team/members/:email").handler(guard.team(Permission.ADMIN)).handler(this::setRole);
    router.delete("/teams/:team/members/:email").handler(guard.team(Permission.ADMIN)).handler(this::remove);
  }

  private void list(RoutingContext ctx) {
    Responses.json(ctx, 200, teams.of(Bearer.user(ctx).id())
        .map(all -> new JsonArray(all.stream().map(Views::team).toList())));
  }

  private void create(RoutingContext ctx) {
    String name = JsonBody.string(JsonBody.of(ctx), "name");
    Responses.json(ctx, 201, teams.create(name, Bearer.user(ctx).id())
        .compose(team -> audited(ctx, AuditAction.TEAM_CREATE, Map.of("team", name)).map(team))
        .map(Views::team));
  }

  private void get(RoutingContext ctx) {
    TeamGrant grant = Guard.team(ctx);
    Responses.json(ctx, 200, teams.members(grant.team()).map(members -> Views.team(grant)
        .put("members", new JsonArray(members.stream().map(Views::member).toList()))));
  }

  /** {@code {"email", "role"}}: the user must have an account. */
  private void add(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    Responses.json(ctx, 201, teams.add(team(ctx), JsonBody.string(body, "email"), JsonBody.string(body, "role"))
        .compose(member -> audited(ctx, AuditAction.TEAM_MEMBER_ADD, change(ctx, member)).map(member))
        .map(Views::member));
  }

  /** {@code {"role"}}; the last admin cannot be demoted. */
  private void setRole(RoutingContext ctx) {
    String role = JsonBody.string(JsonBody.of(ctx), "role");
    Responses.json(ctx, 200, teams.setRole(team(ctx), ctx.pathParam("email"), role)
        .compose(member -> audited(ctx, AuditAction.TEAM_MEMBER_ROLE, change(ctx, member)).map(member))
        .map(Views::member));
  }

  /** The last admin cannot be removed. */
  private void remove(RoutingContext ctx) {
    Responses.json(ctx, 200, teams.remove(team(ctx), ctx.pathParam("email"))
        .compose(member -> audited(ctx, AuditAction.TEAM_MEMBER_REMOVE, change(ctx, member)).map(member))
        .map(Views::member));
  }

  private Future<Void> audited(RoutingContext ctx, AuditAction action, Map<String, ?> details) {
    return audit.record(Callers.actor(ctx), action, null, details);
  }

  private static Map<String, String> change(RoutingContext ctx, Member member) {
    return Map.of("team", team(ctx).name(), "email", member.email(), "role", member.role().wire());
  }

  private static Team team(RoutingContext ctx) {
    return Guard.team(ctx).team();
  }
}
