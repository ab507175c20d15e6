package io.paas.controller.api;

import io.paas.agent.DynoStatus;
import io.paas.common.ApiException;
import io.paas.controller.access.Permission;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.deploy.DynoService;
import io.paas.controller.deploy.FormationService;
import io.paas.controller.deploy.ProcessScale;
import io.paas.controller.store.App;
import io.paas.controller.store.User;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /apps/{app}/dynos}: list, restart, stop, and one-off runs. An attached run answers NDJSON: the dyno's
 * name, each output line as it comes, and the exit status last.
 */
final class DynosApi {
  private final Guard guard;
  private final DynoService dynos;
  private final FormationService formations;
  private final AuditLog audit;

  DynosApi(Guard guard, DynoService dynos, FormationService formations, AuditLog audit) {
    this.guard = guard;
    this.audit = audit;
    this.dynos = dynos;
    this.formations = formations;
  }

  void mount(Router router) {
    router.get("/apps/:app/dynos").handler(guard.app(Permission.READ)).handler(this::list);
    router.post("/apps/:app/dynos").handler(guard.app(Permission.DEPLOY)).handler(this::run);
    router.delete("/apps/:app/dynos").handler(guard.app(Permission.DEPLOY)).handler(ctx -> restart(ctx, null));
    router.delete("/apps/:app/dynos/:dyno").handler(guard.app(Permission.DEPLOY))
        .handler(ctx -> restart(ctx, ctx.pathParam("dyno")));
    router.post("/apps/:app/dynos/:dyno/actions/stop").handler(guard.app(Permission.DEPLOY)).handler(this::stop);
  }

  private void list(RoutingContext ctx) {
    App app = Guard.app(ctx);
    Responses.json(ctx, 200, formations.formation(app).map(formation -> {
      Map<String, ProcessScale> types = formation.stream()
          .collect(Collectors.toMap(ProcessScale::type, Function.identity()));
      return new JsonArray(dynos.status(app).stream().map(d -> view(d, types.get(type(d)))).toList());
    }));
  }

  private void restart(RoutingContext ctx, String which) {
    User user = Bearer.user(ctx);
    App app = Guard.app(ctx);
    Responses.json(ctx, 202, dynos.restart(app, which, user.email())
            .compose(v -> audit.record(Callers.actor(ctx), AuditAction.RESTART, app.name(),
                Map.of("dynos", which == null ? "all" : which)))
        .map(new JsonObject().put("message", which == null ? "Restarting all dynos" : "Restarting " + which)));
  }

  private void stop(RoutingContext ctx) {
    User user = Bearer.user(ctx);
    String name = ctx.pathParam("dyno");
    Responses.json(ctx, 202, dynos.stop(Guard.app(ctx), name, user.email())
        .map(new JsonObject().put("message", "Stopping " + name)));
  }

  private void run(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    String command = JsonBody.string(body, "command");
    Object attach = body.getValue("attach", false);
    if (!(attach instanceof Boolean)) {
      throw ApiException.badRequest("attach must be true or false.");
    }
    User user = Bearer.user(ctx);
    if (!(Boolean) attach) {
      Responses.json(ctx, 201, dynos.run(Guard.app(ctx), command, user.email(), line -> { })
          .map(run -> new JsonObject().put("name", run.name()).put("state", "starting")));
      return;
    }
    HttpServerResponse response = ctx.response();
    Context context = ctx.vertx().getOrCreateContext();
    // Output may come before the run's future completes here; the head is ready for it either way.
    response.setChunked(true).putHeader("Content-Type", "application/x-ndjson");
    dynos.run(Guard.app(ctx), command, user.email(),
            line -> context.runOnContext(v -> ndjson(response, new JsonObject().put("line", line))))
        .onFailure(ctx::fail)
        .onSuccess(run -> {
          ndjson(response, new JsonObject().put("state", "starting").put("name", run.name()));
          run.exit().onComplete(exit -> context.runOnContext(v -> {
            ndjson(response, exit.succeeded() ? new JsonObject().put("exit", exit.result())
                : new JsonObject().put("error", exit.cause().getMessage()).put("exit", 1));
            if (!response.ended()) {
              response.end();
            }
          }));
        });
  }

  private static void ndjson(HttpServerResponse response, JsonObject message) {
    if (!response.ended() && !response.closed()) {
      response.write(message.encode() + "\n");
    }
  }

  private static String type(DynoStatus dyno) {
    return dyno.name().substring(0, dyno.name().indexOf('.'));
  }

  private static JsonObject view(DynoStatus dyno, ProcessScale process) {
    return new JsonObject()
        .put("name", dyno.name())
        .put("type", type(dyno))
        .put("state", dyno.state())
        .put("release", "v" + dyno.release())
        .put("restarts", dyno.restarts())
        .put("size", process == null ? null : process.size())
        .put("command", process == null ? null : process.command())
        .put("host", dyno.host())
        .put("since", dyno.since() == null ? null : dyno.since().toString());
  }
}
