package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.access.Permission;
import io.paas.controller.api.ApiCalls.Account;
import io.paas.controller.api.ApiCalls.Response;
import io.paas.controller.store.Role;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every route of the API port, called as each kind of caller, against a personal app (its owner
 * and a collaborator) and a team app (the team's admin, member and viewer), with the status each must get. A caller
 * allowed through gets the route's own answer (a success, or a 4xx from validating a deliberately harmless body);
 * one with a role that does not allow it a 403; one with no role the 404 of a missing app or team; one without a
 * user token a 401. A route mounted without an entry here, or an entry for no route, fails the test.
 */
class AccessMatrixTest extends ApiTestBase {
  private static final String NOBODY = "nobody@example.com";

  /** Who calls: STRANGER is another tenant, and so is PLATFORM_ADMIN to apps; CLUSTER sends the cluster token. */
  enum Caller { OWNER, COLLABORATOR, TEAM_ADMIN, TEAM_MEMBER, TEAM_VIEWER, STRANGER, PLATFORM_ADMIN, CLUSTER, ANONYMOUS }

  /** What a route needs. App and team levels name the permission; GIT is a push to the app's remote (DEPLOY). */
  enum Level {
    PUBLIC, USER, PLATFORM_ADMIN, CLUSTER,
    APP_READ(Permission.READ), APP_DEPLOY(Permission.DEPLOY), APP_ADMIN(Permission.ADMIN), GIT(Permission.DEPLOY),
    TEAM_READ(Permission.READ), TEAM_DEPLOY(Permission.DEPLOY), TEAM_ADMIN(Permission.ADMIN);

    final Permission permission;

    Level() {
      this(null);
    }

    Level(Permission permission) {
      this.permission = permission;
    }

    boolean onApp() {
      return this == APP_READ || this == APP_DEPLOY || this == APP_ADMIN || this == GIT;
    }

    boolean onTeam() {
      return this == TEAM_READ || this == TEAM_DEPLOY || this == TEAM_ADMIN;
    }
  }

  /** One call of a route; {@code {app}} and {@code {team}} in its path and body name the scene's. */
  static final class Probe {
    final String route;
    final Level level;
    String path;
    String body;
    String contentType = "application/json";
    int ok = 200;
    Integer okOnTeamApp;
    boolean fresh;
    boolean spendsToken;

    Probe(String route, Level level) {
      this.route = route;
      this.level = level;
      this.path = route.substring(route.indexOf(' ') + 1).replace(":app", "{app}").replace(":team", "{team}");
    }

    String method() {
      return route.substring(0, route.indexOf(' '));
    }

    Probe path(String concrete) {
      this.path = concrete;
      return this;
    }

    Probe body(String json) {
      this.body = json;
      return this;
    }

    Probe ok(int status) {
      this.ok = status;
      return this;
    }

    Probe okOnTeamApp(int status) {
      this.okOnTeamApp = status;
      return this;
    }

    /** Revokes the token it is called with: each user caller calls it with a token made for the purpose. */
    Probe spendsToken() {
      this.spendsToken = true;
      return this;
    }

    /** Changes what it is called on for good (destroys it): each caller gets apps of their own. */
    Probe fresh() {
      this.fresh = true;
      return this;
    }

    Probe contentType(String type) {
      this.contentType = type;
      return this;
    }
  }

  static Probe probe(String route, Level level) {
    return new Probe(route, level);
  }

  private static final String GIT_REFS = "GET /git/(?<app>[^/]+)\\.git/info/refs";
  private static final String GIT_RECEIVE = "POST /git/(?<app>[^/]+)\\.git/git-receive-pack";

  static final List<Probe> MATRIX = List.of(
      probe("GET /health", Level.PUBLIC),
      probe("POST /auth/login", Level.PUBLIC).body("{}").ok(400),
      probe("GET /auth/options", Level.PUBLIC),
      probe("GET /account", Level.USER),
      probe("GET /auth/tokens", Level.USER),
      probe("POST /auth/tokens", Level.USER).body("{\"expires_in_days\": 0}").ok(422),
      probe("DELETE /auth/tokens/:id", Level.USER).path("/auth/tokens/999999").ok(404),
      probe("DELETE /auth/tokens/current", Level.USER).spendsToken(),
      probe("GET /account/tokens", Level.USER),
      probe("POST /account/tokens", Level.USER).body("{\"expires_in_days\": 0}").ok(422),
      probe("DELETE /account/tokens/:id", Level.USER).path("/account/tokens/999999").ok(404),
      probe("DELETE /account/tokens/current", Level.USER).spendsToken(),
      probe("GET /admin/quotas", Level.PLATFORM_ADMIN),
      probe("PATCH /admin/quotas", Level.PLATFORM_ADMIN).body(body("user", NOBODY, "apps", "1")).ok(400),
      probe("GET /admin/audit", Level.PLATFORM_ADMIN),
      probe("GET /admin/users", Level.PLATFORM_ADMIN),
      probe("GET /admin/teams", Level.PLATFORM_ADMIN),
      probe("POST /users", Level.PLATFORM_ADMIN).body(body("email", "not-an-email", "password", "long-enough-1"))
          .ok(422),
      probe("GET /agents", Level.PLATFORM_ADMIN),
      probe("GET /addon-services", Level.USER),

      probe("GET /teams", Level.USER),
      probe("POST /teams", Level.USER).body(body("name", "Bad")).ok(422),
      probe("GET /teams/:team", Level.TEAM_READ),
      probe("POST /teams/:team/members", Level.TEAM_ADMIN).body(body("email", NOBODY, "role", "member")).ok(422),
      probe("PATCH /teams/:team/members/:email", Level.TEAM_ADMIN).path("/teams/{team}/members/" + NOBODY)
          .body(body("role", "boss")).ok(422),
      probe("DELETE /teams/:team/members/:email", Level.TEAM_ADMIN).path("/teams/{team}/members/" + NOBODY).ok(404),

      probe("GET /apps", Level.USER),
      probe("POST /apps", Level.USER).body(body("name", "Bad")).ok(422),
      probe("POST /apps", Level.TEAM_DEPLOY).body(body("name", "Bad", "team", "{team}")).ok(422),
      probe("GET /apps/:app", Level.APP_READ),
      probe("PATCH /apps/:app", Level.APP_DEPLOY).body("{\"request_timeout\": 0}").ok(422),
      probe("DELETE /apps/:app", Level.APP_ADMIN).fresh(),
      probe("POST /apps/:app/transfer", Level.APP_ADMIN).body(body("to", NOBODY)).ok(422),

      probe("GET /apps/:app/collaborators", Level.APP_READ),
      probe("POST /apps/:app/collaborators", Level.APP_ADMIN).body(body("email", NOBODY)).ok(422),
      probe("DELETE /apps/:app/collaborators/:email", Level.APP_ADMIN).path("/apps/{app}/collaborators/" + NOBODY)
          .ok(404).okOnTeamApp(422),

      probe("GET /apps/:app/domains", Level.APP_READ),
      probe("POST /apps/:app/domains", Level.APP_DEPLOY).body(body("hostname", "not a host")).ok(422),
      probe("DELETE /apps/:app/domains/:hostname", Level.APP_DEPLOY).path("/apps/{app}/domains/www.example.com")
          .ok(404),

      probe("GET /apps/:app/addons", Level.APP_READ),
      probe("POST /apps/:app/addons", Level.APP_DEPLOY).body(body("plan", "no-such-service")).ok(404),
      probe("GET /apps/:app/addons/:addon", Level.APP_READ).path("/apps/{app}/addons/nope").ok(404),
      probe("GET /apps/:app/addons/:addon", Level.APP_DEPLOY)
          .path("/apps/{app}/addons/nope?show_credentials=true").ok(404),
      probe("DELETE /apps/:app/addons/:addon", Level.APP_DEPLOY).path("/apps/{app}/addons/nope").ok(404),

      probe("GET /apps/:app/builds", Level.APP_READ),
      probe("GET /apps/:app/builds/:id", Level.APP_READ).path("/apps/{app}/builds/999999").ok(404),
      probe("GET /apps/:app/releases", Level.APP_READ),
      probe("POST /apps/:app/releases", Level.APP_DEPLOY).body(body("release", "one")).ok(400),
      probe("GET /apps/:app/releases/:version", Level.APP_READ).path("/apps/{app}/releases/v1").ok(404),
      probe("GET /apps/:app/config-vars", Level.APP_DEPLOY),
      probe("PATCH /apps/:app/config-vars", Level.APP_DEPLOY).body("{\"PORT\": 5}").ok(422),
      probe("GET /apps/:app/logs", Level.APP_READ),
      probe("GET /apps/:app/metrics", Level.APP_READ),
      probe("GET /apps/:app/log-drains", Level.APP_READ),
      probe("POST /apps/:app/log-drains", Level.APP_DEPLOY).body(body("url", "ftp://example.com")).ok(422),
      probe("DELETE /apps/:app/log-drains/:drain", Level.APP_DEPLOY).path("/apps/{app}/log-drains/nope").ok(404),
      probe("GET /apps/:app/formation", Level.APP_READ),
      probe("PATCH /apps/:app/formation", Level.APP_DEPLOY).body("{\"updates\": 1}").ok(400),
      probe("GET /apps/:app/dynos", Level.APP_READ),
      probe("POST /apps/:app/dynos", Level.APP_DEPLOY).body("{\"command\": \"ls\", \"attach\": 1}").ok(400),
      probe("DELETE /apps/:app/dynos", Level.APP_DEPLOY).ok(404),
      probe("DELETE /apps/:app/dynos/:dyno", Level.APP_DEPLOY).path("/apps/{app}/dynos/web.1").ok(404),
      probe("POST /apps/:app/dynos/:dyno/actions/stop", Level.APP_DEPLOY)
          .path("/apps/{app}/dynos/web.1/actions/stop").ok(404),
      probe("GET /apps/:app/mail", Level.APP_READ),
      probe("GET /apps/:app/mail/:id", Level.APP_READ).path("/apps/{app}/mail/999999").ok(404),

      // The app's git remote: the API token is the basic-auth password, and a push needs DEPLOY. Fetch and clone
      // are not offered at all, so they are refused before anyone is asked who they are.
      probe(GIT_REFS, Level.GIT).path("/git/{app}.git/info/refs?service=git-receive-pack"),
      probe(GIT_REFS, Level.PUBLIC).path("/git/{app}.git/info/refs?service=git-upload-pack").ok(403),
      probe(GIT_RECEIVE, Level.GIT).path("/git/{app}.git/git-receive-pack").body("0000")
          .contentType("application/x-git-receive-pack-request"),

      // Agents and routers dial in with the cluster token; no user's token opens these.
      probe("POST /agent-api/register", Level.CLUSTER)
          .body("{\"name\": \"matrix-probe\", \"memory\": 1, \"cpus\": 1}"),
      probe("POST /agent-api/agents/:id/heartbeat", Level.CLUSTER).path("/agent-api/agents/999999/heartbeat")
          .body("{}").ok(404),
      probe("GET /agent-api/agents/:id/assignments", Level.CLUSTER).path("/agent-api/agents/999999/assignments")
          .ok(404),
      probe("POST /agent-api/agents/:id/traffic", Level.CLUSTER).path("/agent-api/agents/999999/traffic")
          .body("{\"app\": \"no-such-app\", \"dynos\": []}"),
      probe("POST /agent-api/agents/:id/logs", Level.CLUSTER).path("/agent-api/agents/999999/logs").body("[]"),
      probe("POST /agent-api/agents/:id/jobs/:job/output", Level.CLUSTER)
          .path("/agent-api/agents/999999/jobs/nope/output").body("{\"lines\": []}"),
      probe("POST /agent-api/agents/:id/jobs/:job/done", Level.CLUSTER)
          .path("/agent-api/agents/999999/jobs/nope/done").body("{\"exit\": 0}"),
      probe("GET /router-api/table", Level.CLUSTER).path("/router-api/table?after=0&epoch=another"),
      probe("POST /router-api/logs", Level.CLUSTER).body("[]"));

  static final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
  static String team;
  static Account collaborator;

  @BeforeAll
  static void meetTheCallers() throws Exception {
    for (Caller caller : List.of(Caller.OWNER, Caller.TEAM_ADMIN, Caller.TEAM_MEMBER, Caller.TEAM_VIEWER,
        Caller.STRANGER)) {
      tokens.put(caller, api.newUser());
    }
    collaborator = api.newAccount();
    tokens.put(Caller.COLLABORATOR, collaborator.token());
    tokens.put(Caller.PLATFORM_ADMIN, api.adminToken);
    tokens.put(Caller.CLUSTER, ApiFixture.AGENT_TOKEN);
    team = "team-" + UUID.randomUUID().toString().substring(0, 8);
    expect(201, api.call("POST", "/teams", tokens.get(Caller.TEAM_ADMIN), body("name", team)));
    join(Caller.TEAM_MEMBER, "member");
    join(Caller.TEAM_VIEWER, "viewer");
  }

  @Test
  void everyMountedRouteHasAnEntryAndEveryEntryARoute() {
    Set<String> mounted = new TreeSet<>();
    for (Route route : platform.router.getRoutes()) {
      if (route.methods() != null) {
        for (HttpMethod method : route.methods()) {
          mounted.add(method.name() + " " + (route.isRegexPath() ? route.getName() : route.getPath()));
        }
      }
    }
    Set<String> covered = MATRIX.stream().map(p -> p.route).collect(Collectors.toCollection(TreeSet::new));
    assertThat(without(mounted, covered)).as("mounted routes the matrix has no entry for").isEmpty();
    assertThat(without(covered, mounted)).as("matrix entries for routes no longer mounted").isEmpty();
  }

  @Test
  void everyCallerGetsWhatTheirRoleAllows() throws Exception {
    Scene shared = Scene.create();
    List<String> wrong = new ArrayList<>();
    for (Probe probe : MATRIX) {
      for (Caller caller : Caller.values()) {
        for (boolean onTeamApp : probe.level.onApp() ? List.of(false, true) : List.of(false)) {
          Scene scene = probe.fresh ? Scene.create() : shared;
          String app = onTeamApp ? scene.teamApp() : scene.personalApp();
          Expected expected = expected(probe, caller, onTeamApp);
          Response response = call(probe, caller, app);
          if (!expected.matches(response)) {
            wrong.add(probe.route + " (" + probe.path + ") as " + caller + (probe.level.onApp()
                ? onTeamApp ? " on the team app" : " on the personal app" : "") + ": expected " + expected
                + ", got " + response.status() + " " + response.body().strip());
          }
        }
      }
    }
    assertThat(wrong).as("calls that answered otherwise than the matrix says").isEmpty();
  }

  private static Set<String> without(Set<String> all, Set<String> removed) {
    Set<String> rest = new TreeSet<>(all);
    rest.removeAll(removed);
    return rest;
  }

  /** A status, and for a denial the body that says only "no such app/team". */
  record Expected(int status, String deniedWith) {
    boolean matches(Response response) {
      if (response.status() != status) {
        return false;
      }
      String message = status == 401 || status == 403 || status == 404 ? message(response) : null;
      return deniedWith == null ? !isDenial(message) : deniedWith.equals(message);
    }

    private static boolean isDenial(String message) {
      return "Couldn't find that app.".equals(message) || "Couldn't find that team.".equals(message);
    }

    private static String message(Response response) {
      try {
        return response.json().getString("message");
      } catch (RuntimeException notJson) {
        return response.body().strip();
      }
    }

    @Override
    public String toString() {
      return status + (deniedWith == null ? "" : " \"" + deniedWith + "\"");
    }
  }

  private static Expected expected(Probe probe, Caller caller, boolean onTeamApp) {
    Expected ok = new Expected(onTeamApp && probe.okOnTeamApp != null ? probe.okOnTeamApp : probe.ok, null);
    boolean user = caller != Caller.ANONYMOUS && caller != Caller.CLUSTER;
    Expected unauthorized = new Expected(401, null);
    return switch (probe.level) {
      case PUBLIC -> ok;
      case CLUSTER -> caller == Caller.CLUSTER ? ok : unauthorized;
      case USER -> user ? ok : unauthorized;
      case PLATFORM_ADMIN -> !user ? unauthorized : caller == Caller.PLATFORM_ADMIN ? ok : new Expected(403, null);
      default -> {
        if (!user) {
          yield unauthorized;
        }
        Role role = probe.level.onTeam() ? teamRole(caller) : onTeamApp ? teamRole(caller) : personalRole(caller);
        if (role == null) {
          yield new Expected(404, probe.level.onTeam() ? "Couldn't find that team." : "Couldn't find that app.");
        }
        yield probe.level.permission.allows(role) ? ok : new Expected(403, null);
      }
    };
  }

  private static Role personalRole(Caller caller) {
    return switch (caller) {
      case OWNER -> Role.OWNER;
      case COLLABORATOR -> Role.COLLABORATOR;
      default -> null;
    };
  }

  private static Role teamRole(Caller caller) {
    return switch (caller) {
      case TEAM_ADMIN -> Role.ADMIN;
      case TEAM_MEMBER -> Role.MEMBER;
      case TEAM_VIEWER -> Role.VIEWER;
      default -> null;
    };
  }

  private static Response call(Probe probe, Caller caller, String app) throws Exception {
    String path = probe.path.replace("{app}", app).replace("{team}", team);
    String body = probe.body == null ? null : probe.body.replace("{team}", team);
    if (probe.spendsToken && caller != Caller.ANONYMOUS && caller != Caller.CLUSTER) {
      String spare = api.call("POST", "/auth/tokens", tokens.get(caller), body("description", "spare")).json()
          .getString("token");
      return api.call(probe.method(), path, spare, body);
    }
    if (!probe.route.contains(" /git/")) {
      return api.call(probe.method(), path, tokens.get(caller), body);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port + path))
        .method(probe.method(), body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", probe.contentType);
    String token = tokens.get(caller);
    if (token != null) {
      String basic = Base64.getEncoder().encodeToString(("git:" + token).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + basic);
    }
    HttpResponse<String> response = ApiCalls.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body(), response.headers());
  }

  private static void join(Caller caller, String role) throws Exception {
    String email = api.call("GET", "/account", tokens.get(caller), null).json().getString("email");
    expect(201, api.call("POST", "/teams/" + team + "/members", tokens.get(Caller.TEAM_ADMIN),
        body("email", email, "role", role)));
  }

  private static void expect(int status, Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
  }

  /** A personal app of OWNER that COLLABORATOR collaborates on, and an app of the team. */
  record Scene(String personalApp, String teamApp) {
    static Scene create() throws Exception {
      String personal = api.newApp(tokens.get(Caller.OWNER));
      expect(201, api.call("POST", "/apps/" + personal + "/collaborators", tokens.get(Caller.OWNER),
          body("email", collaborator.email())));
      String teamApp = "app-" + UUID.randomUUID().toString().substring(0, 8);
      expect(201, api.call("POST", "/apps", tokens.get(Caller.TEAM_ADMIN), body("name", teamApp, "team", team)));
      return new Scene(personal, teamApp);
    }
  }
}
