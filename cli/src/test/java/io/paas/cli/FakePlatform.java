package io.paas.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A stand-in Platform API on a free port: checks the Bearer token, keeps apps in memory, records every request. */
final class FakePlatform {
  static final String EMAIL = "dev@example.com";
  static final String PASSWORD = "hunter2";
  static final String TOKEN = "secret-token";

  record Request(String method, String path, String authorization, String body) {
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  final Map<String, JsonObject> apps = new ConcurrentSkipListMap<>();
  private int port;

  Future<Void> start(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.route().handler(this::record);
    router.post("/auth/login").handler(this::login);
    router.route().handler(this::authenticate);
    router.get("/account").handler(ctx -> ok(ctx, 200, new JsonObject().put("email", EMAIL).put("admin", false)));
    router.get("/apps").handler(ctx -> ok(ctx, 200, new JsonArray(List.copyOf(apps.values()))));
    router.post("/apps").handler(this::createApp);
    router.get("/apps/:app").handler(ctx -> withApp(ctx, app -> ok(ctx, 200, app)));
    router.delete("/apps/:app").handler(ctx -> withApp(ctx, app -> ok(ctx, 200, apps.remove(app.getString("name")))));
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
        .put("created_at", "2025-01-02T03:04:05Z")
        .putNull("release")
        .put("web_url", "http://" + name + ".localhost:8080/")
        .put("git_url", url() + "/git/" + name + ".git");
    apps.put(name, app);
    return app;
  }

  List<Request> requests(String method, String path) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  private void record(RoutingContext ctx) {
    requests.add(new Request(ctx.request().method().name(), ctx.request().path(),
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

  private void createApp(RoutingContext ctx) {
    String name = ctx.body().asJsonObject().getString("name");
    if (name == null || !name.matches("[a-z][a-z0-9-]{2,29}")) {
      error(ctx, 422, "invalid_params", "Name must be 3 to 30 characters of lowercase letters, digits and dashes.");
    } else if (apps.containsKey(name)) {
      error(ctx, 409, "conflict", "Name " + name + " is already taken.");
    } else {
      ok(ctx, 201, addApp(name));
    }
  }

  private void withApp(RoutingContext ctx, Consumer<JsonObject> action) {
    JsonObject app = apps.get(ctx.pathParam("app"));
    if (app == null) {
      error(ctx, 404, "not_found", "Couldn't find that app.");
    } else {
      action.accept(app);
    }
  }

  private static void ok(RoutingContext ctx, int status, Object json) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json.toString());
  }

  private static void error(RoutingContext ctx, int status, String id, String message) {
    ok(ctx, status, new JsonObject().put("id", id).put("message", message));
  }
}
