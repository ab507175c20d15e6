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
import java.util.Objects;

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
    Registration sent = WireBody.read(ctx, body -> Registration.of(body.asJsonObject()),
        "{\"name\", \"memory\", \"cpus\"}");
    Responses.json(ctx, 200, agents.register(sent.name(), sent.memory(), sent.cpus()).map(agent -> {
          scheduler.trigger();
          return new JsonObject().put("id", agent.id()).put("generation", agent.generation())
              .put("heartbeat_seconds", heartbeatSeconds);
        }));
  }

  private record Registration(String name, long memory, double cpus) {
    static Registration of(JsonObject body) {
      String name = body.getString("name");
      // PostgreSQL text takes no NUL, and a name is what an operator reads in `agents`.
      if (name == null || name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("name");
      }
      return new Registration(name, body.getLong("memory"), body.getDouble("cpus"));
    }
  }

  private record Heartbeat(List<DynoStatus> dynos, List<Failure> failures) {
    static Heartbeat of(JsonObject body) {
      return new Heartbeat(body.getJsonArray("dynos", new JsonArray()).stream()
          .map(o -> Wire.status((JsonObject) o)).toList(),
          body.getJsonArray("failures", new JsonArray()).stream().map(o -> (JsonObject) o)
              .map(f -> new Failure(f.getString("app"), f.getInteger("release"), f.getString("message"))).toList());
    }
  }

  private void heartbeat(RoutingContext ctx) {
    long id = id(ctx);
    Heartbeat beat = WireBody.read(ctx, body -> Heartbeat.of(body.asJsonObject()),
        "{\"dynos\": [...], \"failures\": [...]}");
    agents.heartbeat(id).onComplete(done -> {
      if (done.failed()) {
        ctx.fail(done.cause());
      } else if (done.result().isEmpty()) {
        unknown(ctx);
      } else {
        AgentRecord before = done.result().get();
        reports.report(id, before.name(), beat.dynos(), beat.failures());
        metrics.sampled(beat.dynos());
        if (!before.alive()) {
          scheduler.trigger();
        }
        ctx.json(new JsonObject().put("generation", before.generation()));
      }
    });
  }

  private void assignments(RoutingContext ctx) {
    assignments.next(id(ctx), WireBody.after(ctx), POLL_MILLIS).onComplete(done -> {
      if (done.failed()) {
        ctx.fail(done.cause());
      } else if (done.result().isEmpty()) {
        unknown(ctx);
      } else if (!ctx.response().closed()) {
        ctx.json(done.result().get());
      }
    });
  }

  private record Traffic(String app, List<Backend> backends) {
    static Traffic of(JsonObject body) {
      return new Traffic(Objects.requireNonNull(body.getString("app")), body.getJsonArray("dynos", new JsonArray())
          .stream().map(o -> (JsonObject) o)
          .map(d -> new Backend(d.getString("name"), d.getString("host"), d.getInteger("port"))).toList());
    }
  }

  private void traffic(RoutingContext ctx) {
    long id = id(ctx);
    Traffic traffic = WireBody.read(ctx, body -> Traffic.of(body.asJsonObject()),
        "{\"app\", \"dynos\": [{\"name\", \"host\", \"port\"}]}");
    routes.serve(traffic.app(), id, traffic.backends()).onComplete(done -> ctx.json(new JsonObject()));
  }

  private void logs(RoutingContext ctx) {
    WireBody.read(ctx, body -> body.asJsonArray().stream().map(line -> Wire.logLine((JsonObject) line)).toList(),
        "a JSON array of log lines").forEach(logs::line);
    ctx.json(new JsonObject());
  }

  private void jobOutput(RoutingContext ctx) {
    jobs.output(ctx.pathParam("job"), WireBody.read(ctx,
        body -> body.asJsonObject().getJsonArray("lines", new JsonArray()).stream().map(String::valueOf).toList(),
        "{\"lines\": [...]}"));
    ctx.json(new JsonObject());
  }

  private void jobDone(RoutingContext ctx) {
    jobs.done(ctx.pathParam("job"), WireBody.read(ctx, body -> Objects.requireNonNull(body.asJsonObject()),
        "a JSON object"));
    ctx.json(new JsonObject());
  }

  private static long id(RoutingContext ctx) {
    return PathParams.number(ctx.pathParam("id"), "agent");
  }

  private static void unknown(RoutingContext ctx) {
    ctx.response().setStatusCode(404).end(new JsonObject().put("id", "not_found")
        .put("message", "Unknown agent; register again.").encode());
  }
}
