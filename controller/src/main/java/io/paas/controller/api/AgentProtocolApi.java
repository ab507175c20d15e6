package io.paas.controller.api;

import io.paas.agent.DynoStatus;
import io.paas.agent.LogSink;
import io.paas.agent.remote.ControllerClient.Failure;
import io.paas.agent.remote.Wire;
import io.paas.controller.cluster.AgentRecord;
import io.paas.controller.cluster.AgentReports;
import io.paas.controller.cluster.AgentStore;
import io.paas.controller.cluster.Assignments;
import io.paas.controller.cluster.ClusterRoutes;
import io.paas.controller.cluster.Jobs;
import io.paas.controller.cluster.SchedulerLoop;
import io.paas.controller.metrics.AppMetrics;
import io.paas.router.Backend;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * {@code /agent-api}: where agents dial in. Authenticated with the cluster token, not a user's: register, heartbeat,
 * long-poll for assignments, switch traffic, ship logs and report on jobs.
 */
public final class AgentProtocolApi {
  private static final long MAX_BODY = 4 * 1024 * 1024;
  private static final long POLL_MILLIS = 25_000;

  private final ClusterTokenCheck token;
  private final int heartbeatSeconds;
  private final AgentStore agents;
  private final AgentReports reports;
  private final Assignments assignments;
  private final ClusterRoutes routes;
  private final Jobs jobs;
  private final SchedulerLoop scheduler;
  private final LogSink logs;
  private final AppMetrics metrics;

  public AgentProtocolApi(String token, int heartbeatSeconds, AgentStore agents, AgentReports reports,
                          Assignments assignments, ClusterRoutes routes, Jobs jobs, SchedulerLoop scheduler,
                          LogSink logs, AppMetrics metrics) {
    this.token = new ClusterTokenCheck(token);
    this.heartbeatSeconds = heartbeatSeconds;
    this.agents = agents;
    this.reports = reports;
    this.assignments = assignments;
    this.routes = routes;
    this.jobs = jobs;
    this.scheduler = scheduler;
    this.logs = logs;
    this.metrics = metrics;
  }

  public void mount(Router router) {
    router.route("/agent-api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    router.route("/agent-api/*").handler(token::handle);
    router.post("/agent-api/register").handler(this::register);
    router.post("/agent-api/agents/:id/heartbeat").handler(this::heartbeat);
    router.get("/agent-api/agents/:id/assignments").handler(this::assignments);
    router.post("/agent-api/agents/:id/traffic").handler(this::traffic);
    router.post("/agent-api/agents/:id/logs").handler(this::logs);
    router.post("/agent-api/agents/:id/jobs/:job/output").handler(this::jobOutput);
    router.post("/agent-api/agents/:id/jobs/:job/done").handler(this::jobDone);
    router.route("/agent-api/*").failureHandler(ApiErrors::handle);
  }

  private void register(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    Responses.json(ctx, 200, agents.register(body.getString("name"), body.getLong("memory"),
        body.getDouble("cpus")).map(agent -> {
          scheduler.trigger();
          return new JsonObject().put("id", agent.id()).put("generation", agent.generation())
              .put("heartbeat_seconds", heartbeatSeconds);
        }));
  }

  private void heartbeat(RoutingContext ctx) {
    long id = id(ctx);
    JsonObject body = ctx.body().asJsonObject();
    List<DynoStatus> dynos = body.getJsonArray("dynos", new JsonArray()).stream()
        .map(o -> Wire.status((JsonObject) o)).toList();
    List<Failure> failures = body.getJsonArray("failures", new JsonArray()).stream().map(o -> (JsonObject) o)
        .map(f -> new Failure(f.getString("app"), f.getInteger("release"), f.getString("message"))).toList();
    agents.heartbeat(id).onComplete(done -> {
      if (done.failed()) {
        ctx.fail(done.cause());
      } else if (done.result().isEmpty()) {
        unknown(ctx);
      } else {
        AgentRecord before = done.result().get();
        reports.report(id, before.name(), dynos, failures);
        metrics.sampled(dynos);
        if (!before.alive()) {
          scheduler.trigger();
        }
        ctx.json(new JsonObject().put("generation", before.generation()));
      }
    });
  }

  private void assignments(RoutingContext ctx) {
    long after = Long.parseLong(ctx.request().getParam("after", "0"));
    assignments.next(id(ctx), after, POLL_MILLIS).onComplete(done -> {
      if (done.failed()) {
        ctx.fail(done.cause());
      } else if (done.result().isEmpty()) {
        unknown(ctx);
      } else if (!ctx.response().closed()) {
        ctx.json(done.result().get());
      }
    });
  }

  private void traffic(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    List<Backend> backends = body.getJsonArray("dynos", new JsonArray()).stream().map(o -> (JsonObject) o)
        .map(d -> new Backend(d.getString("name"), d.getString("host"), d.getInteger("port"))).toList();
    routes.serve(body.getString("app"), id(ctx), backends).onComplete(done -> ctx.json(new JsonObject()));
  }

  private void logs(RoutingContext ctx) {
    ctx.body().asJsonArray().forEach(line -> logs.line(Wire.logLine((JsonObject) line)));
    ctx.json(new JsonObject());
  }

  private void jobOutput(RoutingContext ctx) {
    jobs.output(ctx.pathParam("job"), ctx.body().asJsonObject().getJsonArray("lines", new JsonArray()));
    ctx.json(new JsonObject());
  }

  private void jobDone(RoutingContext ctx) {
    jobs.done(ctx.pathParam("job"), ctx.body().asJsonObject());
    ctx.json(new JsonObject());
  }

  private static long id(RoutingContext ctx) {
    return Long.parseLong(ctx.pathParam("id"));
  }

  private static void unknown(RoutingContext ctx) {
    ctx.response().setStatusCode(404).end(new JsonObject().put("id", "not_found")
        .put("message", "Unknown agent; register again.").encode());
  }
}
