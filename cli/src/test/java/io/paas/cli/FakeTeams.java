package io.paas.cli;

import static io.paas.cli.FakePlatform.error;
import static io.paas.cli.FakePlatform.ok;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The fake platform's teams (the logged-in user is in each, with a role) and who has access to its apps. It keeps
 * the platform's rules a CLI test may meet: roles, a team's last admin, no collaborators on a team app.
 */
final class FakeTeams {
  private static final Set<String> ROLES = Set.of("admin", "member", "viewer");

  private final FakePlatform platform;
  /** Each team's members, {@code {email, role}}. */
  final Map<String, List<JsonObject>> teams = new ConcurrentSkipListMap<>();
  /** Each personal app's collaborators, {@code {email, role}}. */
  final Map<String, List<JsonObject>> collaborators = new ConcurrentSkipListMap<>();

  FakeTeams(FakePlatform platform) {
    this.platform = platform;
  }

  void mount(Router router) {
    router.get("/teams").handler(ctx -> ok(ctx, 200, new JsonArray(teams.keySet().stream()
        .map(team -> new JsonObject().put("name", team).put("role", roleOf(team))).toList())));
    router.post("/teams").handler(this::createTeam);
    router.get("/teams/:team").handler(ctx -> withTeam(ctx, members -> ok(ctx, 200, new JsonObject()
        .put("name", ctx.pathParam("team")).put("role", roleOf(ctx.pathParam("team")))
        .put("members", new JsonArray(List.copyOf(members))))));
    router.post("/teams/:team/members").handler(ctx -> withTeam(ctx, members -> addMember(ctx, members)));
    router.patch("/teams/:team/members/:email").handler(ctx -> withMember(ctx, (members, member) -> {
      String role = ctx.body().asJsonObject().getString("role");
      if (!ROLES.contains(role)) {
        error(ctx, 422, "invalid_params", "Role must be admin, member or viewer.");
      } else if (role.equals("admin") || !lastAdmin(ctx, members, member)) {
        ok(ctx, 200, member.put("role", role));
      }
    }));
    router.delete("/teams/:team/members/:email").handler(ctx -> withMember(ctx, (members, member) -> {
      if (!lastAdmin(ctx, members, member)) {
        members.remove(member);
        ok(ctx, 200, member);
      }
    }));
    router.get("/apps/:app/collaborators").handler(ctx -> platform.withApp(ctx, app -> ok(ctx, 200, access(app))));
    router.post("/apps/:app/collaborators").handler(ctx -> withPersonalApp(ctx, app -> {
      JsonObject collaborator = member(ctx.body().asJsonObject().getString("email"), "collaborator");
      collaboratorsOf(app).add(collaborator);
      ok(ctx, 201, collaborator);
    }));
    router.delete("/apps/:app/collaborators/:email").handler(ctx -> withPersonalApp(ctx, app ->
        collaboratorsOf(app).stream().filter(c -> c.getString("email").equals(ctx.pathParam("email"))).findFirst()
            .ifPresentOrElse(c -> {
              collaboratorsOf(app).remove(c);
              ok(ctx, 200, c);
            }, () -> error(ctx, 404, "not_found", ctx.pathParam("email") + " is not a collaborator on "
                + app.getString("name") + "."))));
    router.post("/apps/:app/transfer").handler(ctx -> platform.withApp(ctx, app -> {
      String to = ctx.body().asJsonObject().getString("to");
      boolean toUser = to.contains("@");
      app.put("owner", toUser ? to : null).put("team", toUser ? null : to);
      ok(ctx, 200, app);
    }));
  }

  /** A team with the logged-in user in the role given, and the other members named after it, {@code email role}. */
  List<JsonObject> addTeam(String name, String role, String... others) {
    List<JsonObject> members = new CopyOnWriteArrayList<>();
    members.add(member(FakePlatform.EMAIL, role));
    for (String other : others) {
      String[] emailAndRole = other.split(" ");
      members.add(member(emailAndRole[0], emailAndRole[1]));
    }
    teams.put(name, members);
    return members;
  }

  JsonObject addTeamApp(String name, String team) {
    return platform.addApp(name).putNull("owner").put("team", team).put("role", roleOf(team));
  }

  List<JsonObject> collaboratorsOf(JsonObject app) {
    return collaborators.computeIfAbsent(app.getString("name"), name -> new CopyOnWriteArrayList<>());
  }

  private void createTeam(RoutingContext ctx) {
    String name = ctx.body().asJsonObject().getString("name");
    if (teams.containsKey(name)) {
      error(ctx, 409, "conflict", "Team name " + name + " is already taken.");
    } else {
      addTeam(name, "admin");
      ok(ctx, 201, new JsonObject().put("name", name).put("role", "admin"));
    }
  }

  private void addMember(RoutingContext ctx, List<JsonObject> members) {
    JsonObject body = ctx.body().asJsonObject();
    if (!ROLES.contains(body.getString("role"))) {
      error(ctx, 422, "invalid_params", "Role must be admin, member or viewer.");
    } else {
      JsonObject member = member(body.getString("email"), body.getString("role"));
      members.add(member);
      ok(ctx, 201, member);
    }
  }

  /** Answers the 422 and returns true when the member is the team's only admin. */
  private static boolean lastAdmin(RoutingContext ctx, List<JsonObject> members, JsonObject member) {
    boolean last = member.getString("role").equals("admin")
        && members.stream().filter(m -> m.getString("role").equals("admin")).count() == 1;
    if (last) {
      error(ctx, 422, "invalid_params", member.getString("email") + " is the last admin of team "
          + ctx.pathParam("team") + ": make another member an admin first.");
    }
    return last;
  }

  private JsonArray access(JsonObject app) {
    String team = app.getString("team");
    if (team != null) {
      return new JsonArray(List.copyOf(teams.get(team)));
    }
    JsonArray all = new JsonArray().add(member(app.getString("owner"), "owner"));
    collaboratorsOf(app).forEach(all::add);
    return all;
  }

  private String roleOf(String team) {
    return teams.get(team).stream().filter(m -> m.getString("email").equals(FakePlatform.EMAIL)).findFirst()
        .map(m -> m.getString("role")).orElseThrow();
  }

  private void withTeam(RoutingContext ctx, Consumer<List<JsonObject>> action) {
    List<JsonObject> members = teams.get(ctx.pathParam("team"));
    if (members == null) {
      error(ctx, 404, "not_found", "Couldn't find that team.");
    } else {
      action.accept(members);
    }
  }

  private void withMember(RoutingContext ctx, BiConsumer<List<JsonObject>, JsonObject> action) {
    withTeam(ctx, members -> members.stream().filter(m -> m.getString("email").equals(ctx.pathParam("email")))
        .findFirst().ifPresentOrElse(member -> action.accept(members, member), () -> error(ctx, 404, "not_found",
            ctx.pathParam("email") + " is not a member of team " + ctx.pathParam("team") + ".")));
  }

  private void withPersonalApp(RoutingContext ctx, Consumer<JsonObject> action) {
    platform.withApp(ctx, app -> {
      if (app.getString("team") != null) {
        error(ctx, 422, "invalid_params", app.getString("name") + " belongs to team " + app.getString("team")
            + ": manage access through the team (paas members:add EMAIL -t " + app.getString("team") + ").");
      } else {
        action.accept(app);
      }
    });
  }

  private static JsonObject member(String email, String role) {
    return new JsonObject().put("email", email).put("role", role).put("created_at", "2026-11-27T10:00:00Z");
  }
}
