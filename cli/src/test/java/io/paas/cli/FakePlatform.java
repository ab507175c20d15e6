package io.paas.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A stand-in Platform API on a free port: checks the Bearer token, keeps apps (with their settings), their releases,
 * config vars, formation, dynos, custom domains, addons and the account's API tokens in memory, serves made-up log
 * lines and one-off runs, and records every request. Teams and app access are {@link #teams}'.
 */
final class FakePlatform {
  static final String EMAIL = "dev@example.com";
  static final String PASSWORD = "hunter2";
  static final String TOKEN = "secret-token";

  static final long TAIL_DELAY_MS = 300;
  static final JsonObject PROCESS_TYPES = new JsonObject()
      .put("web", "java -jar app.jar")
      .put("worker", "java -cp app.jar Worker");

  static final Set<String> SIZES = Set.of("standard", "performance");

  /** What {@code GET /addon-services} answers: each service's default plan first. */
  static final JsonArray ADDON_SERVICES = new JsonArray()
      .add(service("postgres", "DATABASE", "mini", "20 connections, 1 GB", "basic", "60 connections, 10 GB",
          "standard", "120 connections, 64 GB"))
      .add(service("redis", "REDIS", "mini", "25 MB", "premium", "100 MB"))
      .add(service("smtp", "SMTP", "dev", "Catches the app's mail"));
  private static final List<String> COLORS = List.of("amber", "aqua", "azure", "coral");

  record Request(String method, String path, String query, String authorization, String body) {
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  final Map<String, JsonObject> apps = new ConcurrentSkipListMap<>();
  final Map<String, List<JsonObject>> releases = new ConcurrentSkipListMap<>();
  final Map<String, JsonObject> configVars = new ConcurrentSkipListMap<>();
  /** What {@code GET /apps/{app}/logs} answers at once. */
  final List<String> logLines = new CopyOnWriteArrayList<>();
  /** What a tailed log stream sends {@value #TAIL_DELAY_MS} ms later, just before it ends. */
  final List<String> tailLines = new CopyOnWriteArrayList<>();
  /** Runs just before the tail lines (or a run's later output) are sent, to look at what the CLI has printed by then. */
  volatile Runnable beforeTail = () -> { };
  final Map<String, List<JsonObject>> formations = new ConcurrentSkipListMap<>();
  final Map<String, List<JsonObject>> dynos = new ConcurrentSkipListMap<>();
  /** How many dynos the cluster has room for, in all. */
  volatile int capacity = Integer.MAX_VALUE;
  /** What an attached one-off dyno prints at once. */
  final List<String> runOutput = new CopyOnWriteArrayList<>();
  /** What it prints {@value #TAIL_DELAY_MS} ms later, just before it exits with {@link #runExit}. */
  final List<String> runLaterOutput = new CopyOnWriteArrayList<>();
  volatile int runExit;
  private final AtomicInteger runs = new AtomicInteger(2);
  volatile boolean admin;
  final List<JsonObject> agents = new CopyOnWriteArrayList<>();
  final FakeAdminApi adminApi = new FakeAdminApi(() -> admin);
  /** Custom domains by app, as the API lists them. */
  final Map<String, List<JsonObject>> domains = new ConcurrentSkipListMap<>();
  /**
   * Addons by app, as the fake keeps them: name, service, plan, attachment, created_at, and the {@code config} vars
   * and {@code info} facts the API shows only on request; a test may change either.
   */
  final Map<String, List<JsonObject>> addons = new ConcurrentSkipListMap<>();
  private final AtomicInteger addonNumbers = new AtomicInteger();
  /** Mail by app, newest first, as the API lists it; {@link #mailRaw} has each message by id. */
  final Map<String, List<JsonObject>> mail = new ConcurrentSkipListMap<>();
  final Map<Long, String> mailRaw = new ConcurrentSkipListMap<>();
  /** Log drains by app, as the API lists them. */
  final Map<String, List<JsonObject>> drains = new ConcurrentSkipListMap<>();
  /** The account's API tokens as the API lists them, without the secrets; id 1 is {@link #TOKEN}, the current one. */
  final List<JsonObject> tokens = new CopyOnWriteArrayList<>(List.of(new JsonObject().put("id", 1)
      .put("description", "login").put("created_at", "2026-11-27T10:00:00Z")
      .put("expires_at", "2026-12-27T10:00:00Z").put("last_used_at", "2026-11-27T10:05:00Z")));
  final FakeTeams teams = new FakeTeams(this);
  private int port;

  Future<Void> start(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.route().handler(this::record);
    router.post("/auth/login").handler(this::login);
    router.route().handler(this::authenticate);
    router.get("/account").handler(ctx -> ok(ctx, 200, new JsonObject().put("email", EMAIL).put("admin", false)));
    router.post("/auth/tokens").handler(this::createToken);
    router.get("/auth/tokens").handler(ctx -> ok(ctx, 200, new JsonArray(tokens.stream()
        .map(token -> token.copy().put("current", token.getInteger("id") == 1)).toList())));
    router.delete("/auth/tokens/current").handler(ctx -> revokeToken(ctx, "1"));
    router.delete("/auth/tokens/:id").handler(ctx -> revokeToken(ctx, ctx.pathParam("id")));
    router.get("/apps").handler(ctx -> ok(ctx, 200, new JsonArray(List.copyOf(apps.values()))));
    router.post("/apps").handler(this::createApp);
    teams.mount(router);
    router.get("/apps/:app").handler(ctx -> withApp(ctx, app -> ok(ctx, 200, app)));
    router.patch("/apps/:app").handler(ctx -> withApp(ctx, app -> patchSettings(ctx, app)));
    router.get("/apps/:app/domains").handler(ctx -> withApp(ctx, app -> listDomains(ctx, app)));
    router.post("/apps/:app/domains").handler(ctx -> withApp(ctx, app -> postDomain(ctx, app)));
    router.delete("/apps/:app/domains/:hostname").handler(ctx -> withApp(ctx, app -> deleteDomain(ctx, app)));
    router.get("/addon-services").handler(ctx -> ok(ctx, 200, ADDON_SERVICES));
    router.get("/apps/:app/addons").handler(ctx -> withApp(ctx,
        app -> ok(ctx, 200, new JsonArray(addonsOf(app).stream().map(FakePlatform::addonView).toList()))));
    router.post("/apps/:app/addons").handler(ctx -> withApp(ctx, app -> postAddon(ctx, app)));
    router.get("/apps/:app/addons/:addon").handler(ctx -> withAddon(ctx, (app, addon) -> addonInfo(ctx, addon)));
    router.delete("/apps/:app/addons/:addon").handler(ctx -> withAddon(ctx, (app, addon) -> {
      addonsOf(app).remove(addon);
      ok(ctx, 200, addonView(addon));
    }));
    router.get("/apps/:app/log-drains").handler(ctx -> withApp(ctx,
        app -> ok(ctx, 200, new JsonArray(List.copyOf(drainsOf(app))))));
    router.post("/apps/:app/log-drains").handler(ctx -> withApp(ctx, app -> postDrain(ctx, app)));
    router.delete("/apps/:app/log-drains/:drain").handler(ctx -> withApp(ctx, app -> deleteDrain(ctx, app)));
    router.delete("/apps/:app").handler(ctx -> withApp(ctx, app -> ok(ctx, 200, apps.remove(app.getString("name")))));
    router.get("/apps/:app/releases").handler(ctx -> withApp(ctx, app -> ok(ctx, 200, new JsonArray(List.copyOf(releasesOf(app))))));
    router.get("/apps/:app/releases/:version").handler(ctx -> withRelease(ctx, ctx.pathParam("version"),
        (app, release) -> ok(ctx, 200, release.copy()
            .put("process_types", PROCESS_TYPES)
            .put("config_keys", new JsonArray(List.copyOf(configOf(app).fieldNames()))))));
    router.post("/apps/:app/releases").handler(ctx -> withRelease(ctx, String.valueOf(ctx.body().asJsonObject().getValue("release")),
        (app, release) -> ok(ctx, 201, addRelease(app.getString("name"), "succeeded", "Rollback to " + release.getString("name")))));
    router.get("/apps/:app/config-vars").handler(ctx -> withApp(ctx, app -> ok(ctx, 200, configOf(app))));
    router.patch("/apps/:app/config-vars").handler(ctx -> withApp(ctx, app -> patchConfig(ctx, app)));
    router.get("/apps/:app/mail").handler(ctx -> withApp(ctx, app -> listMail(ctx, app)));
    router.get("/apps/:app/mail/:id").handler(ctx -> withApp(ctx, app -> showMail(ctx, app)));
    router.get("/apps/:app/logs").handler(ctx -> withApp(ctx, app -> logs(ctx)));
    router.get("/apps/:app/formation").handler(ctx -> withApp(ctx, app -> ok(ctx, 200, formationJson(app))));
    router.patch("/apps/:app/formation").handler(ctx -> withApp(ctx, app -> patchFormation(ctx, app)));
    router.get("/apps/:app/dynos").handler(ctx -> withApp(ctx, app -> ok(ctx, 200, new JsonArray(List.copyOf(dynosOf(app))))));
    router.delete("/apps/:app/dynos").handler(ctx -> withApp(ctx,
        app -> ok(ctx, 202, new JsonObject().put("message", "Restarting all dynos"))));
    router.delete("/apps/:app/dynos/:dyno").handler(ctx -> withDyno(ctx,
        app -> ok(ctx, 202, new JsonObject().put("message", "Restarting " + ctx.pathParam("dyno")))));
    router.post("/apps/:app/dynos/:dyno/actions/stop").handler(ctx -> withDyno(ctx,
        app -> ctx.response().setStatusCode(202).end()));
    router.post("/apps/:app/dynos").handler(ctx -> withApp(ctx, app -> run(ctx)));
    router.get("/agents").handler(this::agents);
    adminApi.mount(router);
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .map(server -> {
          port = server.actualPort();
          return null;
        });
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** A CLI pointed at this platform with a valid token through the environment, as the e2e suite will run it. */
  CliRunner loggedInCli(Path configDir, Path workDir) {
    return new CliRunner(configDir, workDir).env("PAAS_API_URL", url()).env("PAAS_API_TOKEN", TOKEN);
  }

  JsonObject addApp(String name) {
    JsonObject app = new JsonObject()
        .put("name", name)
        .put("owner", EMAIL)
        .putNull("team")
        .put("role", "owner")
        .put("created_at", "2025-01-02T03:04:05Z")
        .putNull("release")
        .put("web_url", "http://" + name + ".localhost:8080/")
        .put("git_url", url() + "/git/" + name + ".git")
        .put("maintenance", false)
        .put("request_timeout", 30)
        .putNull("health_check_path");
    apps.put(name, app);
    return app;
  }

  /** A release by the logged-in user; a succeeded one becomes the current release, as a deploy's would. */
  JsonObject addRelease(String app, String status, String description) {
    List<JsonObject> history = releases.computeIfAbsent(app, name -> new CopyOnWriteArrayList<>());
    int version = history.size() + 1;
    JsonObject release = new JsonObject()
        .put("version", version)
        .put("name", "v" + version)
        .put("status", status)
        .put("description", description)
        .put("image", "paas/" + app + ":v" + version)
        .put("build_id", version)
        .put("user", EMAIL)
        .put("created_at", String.format("2026-11-27T10:%02d:00Z", version))
        .put("current", status.equals("succeeded"));
    if (status.equals("succeeded")) {
      history.forEach(older -> older.put("current", false));
    }
    history.add(release);
    return release;
  }

  JsonObject addProcess(String app, String type, int quantity, String command) {
    JsonObject process = new JsonObject().put("type", type).put("quantity", quantity).put("size", "standard").put("command", command);
    formations.computeIfAbsent(app, name -> new CopyOnWriteArrayList<>()).add(process);
    return process;
  }

  JsonObject addDyno(String app, String name, String state, String since) {
    JsonObject dyno = new JsonObject()
        .put("name", name)
        .put("type", name.substring(0, name.indexOf('.')))
        .put("state", state)
        .put("release", "v3")
        .put("restarts", 0)
        .put("size", "standard")
        .put("host", "agent-1")
        .put("since", since)
        .put("command", "java -jar app.jar");
    dynos.computeIfAbsent(app, key -> new CopyOnWriteArrayList<>()).add(dyno);
    return dyno;
  }

  List<Request> requests(String method, String path) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  /** The first request made to that method and path; fails if there was none. */
  Request firstRequest(String method, String path) {
    return requests(method, path).get(0);
  }

  /** The JSON body of the {@link #firstRequest first request} made to that method and path. */
  JsonObject firstBody(String method, String path) {
    return new JsonObject(firstRequest(method, path).body());
  }

  private void record(RoutingContext ctx) {
    requests.add(new Request(ctx.request().method().name(), ctx.request().path(), ctx.request().query(),
        ctx.request().getHeader("Authorization"), ctx.body().asString()));
    ctx.next();
  }

  private void login(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    if (EMAIL.equals(body.getString("email")) && PASSWORD.equals(body.getString("password"))) {
      ok(ctx, 200, new JsonObject().put("token", TOKEN).put("email", EMAIL));
    } else {
      error(ctx, 401, "unauthorized", "Invalid email or password.");
    }
  }

  private void authenticate(RoutingContext ctx) {
    if (("Bearer " + TOKEN).equals(ctx.request().getHeader("Authorization"))) {
      ctx.next();
    } else {
      error(ctx, 401, "unauthorized", "Invalid or expired token.");
    }
  }

  /** Days from 1 to 3650 or none, as the API takes them; made at 2026-11-27 10:00 UTC. */
  private void createToken(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    Integer days = body.getInteger("expires_in_days");
    if (days != null && (days < 1 || days > 3650)) {
      error(ctx, 422, "invalid_params", "expires_in_days must be a whole number from 1 to 3650, or left out for a "
          + "token that does not expire.");
      return;
    }
    int id = tokens.stream().mapToInt(token -> token.getInteger("id")).max().orElse(0) + 1;
    Instant made = Instant.parse("2026-11-27T10:00:00Z");
    JsonObject token = new JsonObject().put("id", id).put("description", body.getString("description", "API token"))
        .put("created_at", made.toString())
        .put("expires_at", days == null ? null : made.plus(Duration.ofDays(days)).toString())
        .putNull("last_used_at");
    tokens.add(token);
    ok(ctx, 201, token.copy().put("token", "paas_made-" + id));
  }

  private void revokeToken(RoutingContext ctx, String id) {
    tokens.stream().filter(token -> token.getValue("id").toString().equals(id)).findFirst().ifPresentOrElse(
        token -> {
          tokens.remove(token);
          ok(ctx, 200, token);
        },
        () -> error(ctx, 404, "not_found", "No token " + id + "."));
  }

  /** In a team as one of its members, with the role they have there; an unknown team is a 404, as on the platform. */
  private void createApp(RoutingContext ctx) {
    String name = ctx.body().asJsonObject().getString("name");
    String team = ctx.body().asJsonObject().getString("team");
    if (team != null && !teams.teams.containsKey(team)) {
      error(ctx, 404, "not_found", "Couldn't find that team.");
    } else if (name == null || !name.matches("[a-z][a-z0-9-]{2,29}")) {
      error(ctx, 422, "invalid_params", "Name must be 3 to 30 characters of lowercase letters, digits and dashes.");
    } else if (apps.containsKey(name)) {
      error(ctx, 409, "conflict", "Name " + name + " is already taken.");
    } else {
      ok(ctx, 201, team == null ? addApp(name) : teams.addTeamApp(name, team));
    }
  }

  void withApp(RoutingContext ctx, Consumer<JsonObject> action) {
    JsonObject app = apps.get(ctx.pathParam("app"));
    if (app == null) {
      error(ctx, 404, "not_found", "Couldn't find that app.");
    } else {
      action.accept(app);
    }
  }

  private void withRelease(RoutingContext ctx, String version, BiConsumer<JsonObject, JsonObject> action) {
    withApp(ctx, app -> releasesOf(app).stream()
        .filter(release -> version.equals(release.getString("name")) || version.equals(String.valueOf(release.getInteger("version"))))
        .findFirst()
        .ifPresentOrElse(release -> action.accept(app, release),
            () -> error(ctx, 404, "not_found", "Couldn't find release " + version + ".")));
  }

  private List<JsonObject> releasesOf(JsonObject app) {
    return releases.getOrDefault(app.getString("name"), List.of());
  }

  private JsonObject configOf(JsonObject app) {
    return configVars.computeIfAbsent(app.getString("name"), name -> new JsonObject());
  }

  /** Merges, a null removing the key, and makes a release of the change, as the API does. */
  private void patchConfig(RoutingContext ctx, JsonObject app) {
    JsonObject change = ctx.body().asJsonObject();
    for (String key : change.fieldNames()) {
      if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        error(ctx, 422, "invalid_params", "Config var name " + key + " must be letters, digits and underscores.");
        return;
      }
    }
    JsonObject vars = configOf(app);
    change.forEach(entry -> {
      if (entry.getValue() == null) {
        vars.remove(entry.getKey());
      } else {
        vars.put(entry.getKey(), entry.getValue());
      }
    });
    addRelease(app.getString("name"), "succeeded", "Change " + String.join(", ", change.fieldNames()) + " config vars");
    ok(ctx, 200, vars);
  }

  /** Sets what the body names, after checking the timeout's range as the API does. */
  private void patchSettings(RoutingContext ctx, JsonObject app) {
    JsonObject change = ctx.body().asJsonObject();
    int timeout = change.getInteger("request_timeout", 30);
    if (timeout < 1 || timeout > 300) {
      error(ctx, 422, "invalid_params", "request_timeout must be a whole number of seconds from 1 to 300.");
      return;
    }
    app.mergeIn(change);
    ok(ctx, 200, app);
  }

  JsonObject addDomain(String app, String hostname) {
    JsonObject domain = new JsonObject().put("hostname", hostname).put("kind", "custom")
        .put("cname", app + ".localhost").put("created_at", "2026-11-27T10:00:00Z");
    domains.computeIfAbsent(app, name -> new CopyOnWriteArrayList<>()).add(domain);
    return domain;
  }

  private List<JsonObject> domainsOf(JsonObject app) {
    return domains.getOrDefault(app.getString("name"), List.of());
  }

  private void listDomains(RoutingContext ctx, JsonObject app) {
    JsonArray all = new JsonArray().add(new JsonObject().put("hostname", app.getString("name") + ".localhost")
        .put("kind", "default").putNull("cname").put("created_at", app.getString("created_at")));
    domainsOf(app).forEach(all::add);
    ok(ctx, 200, all);
  }

  /** A name any app has is a 409, as on the platform. */
  private void postDomain(RoutingContext ctx, JsonObject app) {
    String hostname = ctx.body().asJsonObject().getString("hostname").toLowerCase(Locale.ROOT);
    if (domains.values().stream().flatMap(List::stream).anyMatch(d -> d.getString("hostname").equals(hostname))) {
      error(ctx, 409, "conflict", hostname + " is already in use.");
    } else {
      ok(ctx, 201, addDomain(app.getString("name"), hostname));
    }
  }

  private void deleteDomain(RoutingContext ctx, JsonObject app) {
    String hostname = ctx.pathParam("hostname");
    domainsOf(app).stream().filter(d -> d.getString("hostname").equals(hostname)).findFirst().ifPresentOrElse(
        domain -> {
          domainsOf(app).remove(domain);
          ok(ctx, 200, domain);
        },
        () -> error(ctx, 404, "not_found", "Couldn't find that domain."));
  }

  /**
   * An addon named as the platform names them, {@code postgres-amber-12345} for the first, with made-up credentials
   * in its {@code ATTACHMENT_URL} and made-up facts.
   */
  JsonObject addAddon(String app, String service, String plan, String attachment) {
    int number = addonNumbers.getAndIncrement();
    String name = service + "-" + COLORS.get(number % COLORS.size()) + "-" + (12345 + number);
    String user = name.replace('-', '_');
    JsonObject info = new JsonObject().put("plan", plan);
    String url = switch (service) {
      case "postgres" -> {
        info.put("data_size", "7.6 MB").put("connections", "1/20").put("version", "PostgreSQL 15.4");
        yield "postgres://" + user + ":pg-secret@10.1.0.2:5432/" + user;
      }
      case "redis" -> {
        info.put("memory", "1 MB of 25 MB");
        yield "redis://:redis-secret@10.1.0.3:6379";
      }
      default -> "smtp://" + user + ":smtp-secret@10.1.0.4:2525";
    };
    JsonObject addon = new JsonObject()
        .put("name", name)
        .put("service", service)
        .put("plan", plan)
        .put("attachment", attachment)
        .put("created_at", "2026-11-27T10:00:00Z")
        .put("config", new JsonObject().put(attachment + "_URL", url))
        .put("info", info);
    addons.computeIfAbsent(app, key -> new CopyOnWriteArrayList<>()).add(addon);
    return addon;
  }

  private static JsonObject service(String name, String attachment, String... plans) {
    JsonArray all = new JsonArray();
    for (int i = 0; i < plans.length; i += 2) {
      all.add(new JsonObject().put("name", plans[i]).put("description", plans[i + 1]).put("default", i == 0));
    }
    return new JsonObject().put("name", name).put("default_attachment", attachment).put("plans", all);
  }

  private List<JsonObject> addonsOf(JsonObject app) {
    return addons.getOrDefault(app.getString("name"), List.of());
  }

  /** What listings show of an addon: the names of its config vars, never their values. */
  private static JsonObject addonView(JsonObject addon) {
    return new JsonObject()
        .put("name", addon.getString("name"))
        .put("service", addon.getString("service"))
        .put("plan", addon.getString("plan"))
        .put("attachment", addon.getString("attachment"))
        .put("config_vars", new JsonArray(addon.getJsonObject("config").fieldNames().stream().sorted().toList()))
        .put("created_at", addon.getString("created_at"));
  }

  /** By its name or its attachment name. */
  private void withAddon(RoutingContext ctx, BiConsumer<JsonObject, JsonObject> action) {
    String name = ctx.pathParam("addon");
    withApp(ctx, app -> addonsOf(app).stream()
        .filter(addon -> name.equals(addon.getString("name")) || name.equals(addon.getString("attachment")))
        .findFirst()
        .ifPresentOrElse(addon -> action.accept(app, addon),
            () -> error(ctx, 404, "not_found", "Couldn't find the addon " + name + ".")));
  }

  private void addonInfo(RoutingContext ctx, JsonObject addon) {
    JsonObject view = addonView(addon).put("info", addon.getJsonObject("info").copy());
    if ("true".equals(ctx.request().getParam("show_credentials"))) {
      view.put("config", addon.getJsonObject("config").copy());
    }
    ok(ctx, 200, view);
  }

  /**
   * {@code service[:plan]}, as the API takes it: an unknown service or plan is a 404 listing what there is, an
   * attachment name the app has already a 409; without {@code as}, the service's usual attachment or, when that is
   * taken, {@code SERVICE_COLOR}.
   */
  private void postAddon(RoutingContext ctx, JsonObject app) {
    JsonObject body = ctx.body().asJsonObject();
    String spec = body.getString("plan");
    if (spec == null || spec.isBlank()) {
      error(ctx, 400, "bad_request", "Field plan is required: a service, or service:plan.");
      return;
    }
    int colon = spec.indexOf(':');
    String serviceName = colon < 0 ? spec : spec.substring(0, colon);
    JsonObject service = ADDON_SERVICES.stream().map(JsonObject.class::cast)
        .filter(candidate -> candidate.getString("name").equals(serviceName)).findFirst().orElse(null);
    if (service == null) {
      error(ctx, 404, "not_found", "Couldn't find the addon service " + serviceName + ". Services: "
          + String.join(", ", ADDON_SERVICES.stream().map(s -> ((JsonObject) s).getString("name")).toList()) + ".");
      return;
    }
    List<String> plans = service.getJsonArray("plans").stream().map(p -> ((JsonObject) p).getString("name")).toList();
    String plan = colon < 0 ? plans.get(0) : spec.substring(colon + 1);
    if (!plans.contains(plan)) {
      error(ctx, 404, "not_found", "Couldn't find the plan " + plan + " of " + serviceName + ". Plans: "
          + String.join(", ", plans) + ".");
      return;
    }
    Set<String> taken = addonsOf(app).stream().map(addon -> addon.getString("attachment"))
        .collect(Collectors.toSet());
    String as = body.getString("as");
    if (as != null && !as.matches("[A-Z][A-Z0-9_]{0,39}")) {
      error(ctx, 422, "invalid_params", "Invalid attachment name " + as + ": use uppercase letters, digits "
          + "and underscores, starting with a letter (DATABASE sets DATABASE_URL).");
      return;
    }
    String attachment = as != null ? as : service.getString("default_attachment");
    if (as == null && taken.contains(attachment)) {
      attachment = COLORS.stream().map(color -> serviceName.toUpperCase(Locale.ROOT) + "_"
          + color.toUpperCase(Locale.ROOT)).filter(name -> !taken.contains(name)).findFirst().orElseThrow();
    }
    if (taken.contains(attachment)) {
      error(ctx, 409, "conflict", "The app already has an attachment named " + attachment
          + "; choose another with --as.");
      return;
    }
    ok(ctx, 201, addonView(addAddon(app.getString("name"), serviceName, plan, attachment)));
  }

  /** A message the app sent; the newest goes first, as the API lists them. */
  JsonObject addMail(String app, long id, String from, String to, String subject, String raw) {
    JsonObject message = new JsonObject().put("id", id).put("addon", "smtp-" + app).put("from", from)
        .put("to", new JsonArray().add(to)).put("subject", subject).put("size", raw.length())
        .put("received_at", "2026-11-27T10:0" + id + ":00Z").put("relay_status", "stored");
    mail.computeIfAbsent(app, name -> new CopyOnWriteArrayList<>()).add(0, message);
    mailRaw.put(id, raw);
    return message;
  }

  private void listMail(RoutingContext ctx, JsonObject app) {
    List<JsonObject> sent = mail.getOrDefault(app.getString("name"), List.of());
    int limit = Integer.parseInt(ctx.request().getParam("limit", "50"));
    ok(ctx, 200, new JsonArray(List.copyOf(sent.subList(0, Math.min(limit, sent.size())))));
  }

  /** The raw message, or with {@code format=text} what follows its headers. */
  private void showMail(RoutingContext ctx, JsonObject app) {
    mail.getOrDefault(app.getString("name"), List.of()).stream()
        .filter(message -> ctx.pathParam("id").equals(String.valueOf(message.getLong("id")))).findFirst()
        .ifPresentOrElse(message -> {
          String raw = mailRaw.get(message.getLong("id"));
          String body = "text".equals(ctx.request().getParam("format")) ? raw.substring(raw.indexOf("\r\n\r\n") + 4) : raw;
          ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(body);
        }, () -> error(ctx, 404, "not_found", "Couldn't find that message."));
  }

  /** A drain as the API shows it: credentials in the URL masked, connected, nothing dropped. */
  JsonObject addDrain(String app, String url) {
    JsonObject drain = new JsonObject().put("id", drains.values().stream().mapToInt(List::size).sum() + 1)
        .put("url", url.replaceFirst("://[^/@]+@", "://***@")).put("token", "d." + UUID.randomUUID())
        .put("state", "connected").put("buffered", 0).put("dropped", 0).putNull("last_error")
        .put("created_at", "2026-11-27T10:00:00Z").put("given_url", url);
    drains.computeIfAbsent(app, name -> new CopyOnWriteArrayList<>()).add(drain);
    return drain;
  }

  private List<JsonObject> drainsOf(JsonObject app) {
    return drains.getOrDefault(app.getString("name"), List.of());
  }

  /** Only the schemes the platform takes, and a URL once per app, as on the platform. */
  private void postDrain(RoutingContext ctx, JsonObject app) {
    String url = ctx.body().asJsonObject().getString("url");
    if (!url.matches("(syslog|syslog\\+tls|https)://.+")) {
      error(ctx, 422, "invalid_params", "Unsupported drain URL scheme: use syslog://HOST:PORT, "
          + "syslog+tls://HOST:PORT or https://HOST[:PORT]/PATH.");
    } else if (drainsOf(app).stream().anyMatch(d -> d.getString("given_url").equals(url))) {
      error(ctx, 409, "conflict", url + " is already a drain of this app.");
    } else {
      ok(ctx, 201, addDrain(app.getString("name"), url));
    }
  }

  /** By id, token or the URL as given. */
  private void deleteDrain(RoutingContext ctx, JsonObject app) {
    String key = ctx.pathParam("drain");
    drainsOf(app).stream().filter(d -> List.of(d.getValue("id").toString(), d.getString("token"),
        d.getString("given_url")).contains(key)).findFirst().ifPresentOrElse(
        drain -> {
          drainsOf(app).remove(drain);
          ok(ctx, 200, drain);
        },
        () -> error(ctx, 404, "not_found", "Couldn't find that log drain."));
  }

  /** The log lines at once; with {@code tail=true} the tail lines after a pause, then the end. */
  private void logs(RoutingContext ctx) {
    HttpServerResponse response = ctx.response().setChunked(true).putHeader("Content-Type", "text/plain");
    logLines.forEach(line -> response.write(line + "\n"));
    if (!"true".equals(ctx.request().getParam("tail"))) {
      response.end();
      return;
    }
    ctx.vertx().setTimer(TAIL_DELAY_MS, timer -> {
      beforeTail.run();
      tailLines.forEach(line -> response.write(line + "\n"));
      response.end();
    });
  }

  private List<JsonObject> formationOf(JsonObject app) {
    return formations.getOrDefault(app.getString("name"), List.of());
  }

  private JsonArray formationJson(JsonObject app) {
    return new JsonArray(List.copyOf(formationOf(app)));
  }

  private List<JsonObject> dynosOf(JsonObject app) {
    return dynos.getOrDefault(app.getString("name"), List.of());
  }

  /** Checks every update first and applies all or none, as the API does. */
  private void patchFormation(RoutingContext ctx, JsonObject app) {
    JsonArray updates = ctx.body().asJsonObject().getJsonArray("updates");
    int total = formationOf(app).stream().mapToInt(process -> process.getInteger("quantity")).sum();
    for (int i = 0; i < updates.size(); i++) {
      JsonObject update = updates.getJsonObject(i);
      JsonObject process = formationOf(app).stream()
          .filter(candidate -> candidate.getString("type").equals(update.getString("type"))).findFirst().orElse(null);
      if (process == null) {
        error(ctx, 422, "invalid_params", "Couldn't find that process type (" + update.getString("type") + ").");
        return;
      }
      if (update.containsKey("size") && !SIZES.contains(update.getString("size"))) {
        error(ctx, 422, "invalid_params", "Unknown dyno size " + update.getString("size") + ".");
        return;
      }
      int quantity = update.getInteger("quantity", process.getInteger("quantity"));
      total += quantity - process.getInteger("quantity");
      if (total > capacity) {
        String type = process.getString("type");
        error(ctx, 422, "invalid_params", "Not enough capacity for " + type + "." + (process.getInteger("quantity") + 1)
            + "-" + type + "." + quantity + " (room for " + capacity + " dynos in all)");
        return;
      }
    }
    for (int i = 0; i < updates.size(); i++) {
      JsonObject update = updates.getJsonObject(i);
      formationOf(app).stream().filter(process -> process.getString("type").equals(update.getString("type")))
          .forEach(process -> {
            process.put("quantity", update.getInteger("quantity", process.getInteger("quantity")));
            process.put("size", update.getString("size", process.getString("size")));
          });
    }
    ok(ctx, 200, formationJson(app));
  }

  /** A dyno by name ({@code web.1}) or all of a process type ({@code web}). */
  private void withDyno(RoutingContext ctx, Consumer<JsonObject> action) {
    String dyno = ctx.pathParam("dyno");
    withApp(ctx, app -> {
      if (dynosOf(app).stream().anyMatch(d -> dyno.equals(d.getString("name")) || dyno.equals(d.getString("type")))) {
        action.accept(app);
      } else {
        error(ctx, 404, "not_found", "Couldn't find that dyno.");
      }
    });
  }

  /** Attached: the dyno's name, its output now, later output after a pause, then its exit status, as NDJSON. */
  private void run(RoutingContext ctx) {
    String name = "run." + runs.incrementAndGet();
    if (!ctx.body().asJsonObject().getBoolean("attach", false)) {
      ok(ctx, 201, new JsonObject().put("name", name).put("state", "starting"));
      return;
    }
    HttpServerResponse response = ctx.response().setChunked(true).putHeader("Content-Type", "application/x-ndjson");
    response.write(new JsonObject().put("state", "starting").put("name", name).encode() + "\n");
    runOutput.forEach(line -> response.write(new JsonObject().put("line", line).encode() + "\n"));
    ctx.vertx().setTimer(TAIL_DELAY_MS, timer -> {
      beforeTail.run();
      runLaterOutput.forEach(line -> response.write(new JsonObject().put("line", line).encode() + "\n"));
      response.end(new JsonObject().put("exit", runExit).encode() + "\n");
    });
  }

  private void agents(RoutingContext ctx) {
    if (admin) {
      ok(ctx, 200, new JsonArray(List.copyOf(agents)));
    } else {
      error(ctx, 403, "forbidden", "Only admins can list agents.");
    }
  }

  static void ok(RoutingContext ctx, int status, Object json) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json.toString());
  }

  static void error(RoutingContext ctx, int status, String id, String message) {
    ok(ctx, status, new JsonObject().put("id", id).put("message", message));
  }
}
