package io.paas.agent.remote;

import io.paas.agent.Dyno;
import io.paas.agent.DynoSpec;
import io.paas.agent.DynoStatus;
import io.paas.agent.LogLine;
import io.paas.common.cluster.ControllerCalls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's side of the agent protocol: HTTP+JSON calls to the controller's {@code /agent-api} (see
 * {@link ControllerCalls}). Holds the id the controller gave at registration, which the other calls name.
 */
public final class ControllerClient {
  /** The controller answers a long-poll within about 25 s; a little more before giving up on it. */
  private static final long POLL_TIMEOUT_MILLIS = 40_000;
  /** A traffic switch waits for the replaced dynos to drain, up to 30 s. */
  private static final long TRAFFIC_TIMEOUT_MILLIS = 45_000;
  private static final long CALL_TIMEOUT_MILLIS = 10_000;

  private final ControllerCalls calls;
  private volatile long agentId;

  public ControllerClient(Vertx vertx, String controllerUrl, String token) {
    this.calls = new ControllerCalls(vertx, controllerUrl, "/agent-api", token);
  }

  public record Registration(long id, long generation, int heartbeatSeconds) {
  }

  /** One-off work for this agent: {@code kind} run (with {@code spec}), restart or stop (with {@code which}). */
  public record Job(String id, String kind, String app, String which, DynoSpec spec) {
  }

  public record Assignments(long generation, Map<String, List<DynoSpec>> dynosByApp, List<Job> jobs) {
  }

  /** What the agent could not make run: the app's converge to {@code release} failed for {@code message}. */
  public record Failure(String app, int release, String message) {
  }

  public Future<Registration> register(String name, long memoryBytes, double cpus) {
    return calls.call(HttpMethod.POST, "/register", CALL_TIMEOUT_MILLIS,
        new JsonObject().put("name", name).put("memory", memoryBytes).put("cpus", cpus))
        .map(json -> {
          Registration registration = new Registration(json.getLong("id"), json.getLong("generation"),
              json.getInteger("heartbeat_seconds"));
          agentId = registration.id();
          return registration;
        });
  }

  /** Completes with the agent's current generation. */
  public Future<Long> heartbeat(List<DynoStatus> dynos, List<Failure> failures) {
    JsonObject body = new JsonObject()
        .put("dynos", new JsonArray(dynos.stream().map(Wire::status).toList()))
        .put("failures", new JsonArray(failures.stream().map(f -> new JsonObject().put("app", f.app())
            .put("release", f.release()).put("message", f.message())).toList()));
    return calls.call(HttpMethod.POST, agentPath("/heartbeat"), CALL_TIMEOUT_MILLIS, body)
        .map(json -> json.getLong("generation"));
  }

  /** Long-polls for assignments newer than {@code after}. */
  public Future<Assignments> assignments(long after) {
    return calls.call(HttpMethod.GET, agentPath("/assignments?after=" + after), POLL_TIMEOUT_MILLIS, null).map(json -> {
      Map<String, List<DynoSpec>> byApp = new LinkedHashMap<>();
      json.getJsonArray("dynos", new JsonArray()).forEach(o -> {
        DynoSpec spec = Wire.spec((JsonObject) o);
        byApp.computeIfAbsent(spec.app(), app -> new ArrayList<>()).add(spec);
      });
      List<Job> jobs = new ArrayList<>();
      json.getJsonArray("jobs", new JsonArray()).forEach(o -> {
        JsonObject job = (JsonObject) o;
        JsonObject spec = job.getJsonObject("spec");
        jobs.add(new Job(job.getString("id"), job.getString("kind"), job.getString("app"), job.getString("which"),
            spec == null ? null : Wire.spec(spec)));
      });
      return new Assignments(json.getLong("generation"), byApp, jobs);
    });
  }

  public Future<Void> traffic(String app, List<Dyno> dynos) {
    return calls.call(HttpMethod.POST, agentPath("/traffic"), TRAFFIC_TIMEOUT_MILLIS, new JsonObject().put("app", app)
        .put("dynos", new JsonArray(dynos.stream().map(Wire::dyno).toList()))).mapEmpty();
  }

  public Future<Void> logs(List<LogLine> lines) {
    return calls.call(HttpMethod.POST, agentPath("/logs"), CALL_TIMEOUT_MILLIS,
        new JsonArray(lines.stream().map(Wire::logLine).toList())).mapEmpty();
  }

  public Future<Void> jobOutput(String jobId, List<String> lines) {
    return calls.call(HttpMethod.POST, agentPath("/jobs/" + jobId + "/output"), CALL_TIMEOUT_MILLIS,
        new JsonObject().put("lines", new JsonArray(lines))).mapEmpty();
  }

  /** {@code result}: {@code {"exit": N}}, or {@code {"error": "...", "not_found": bool}}. */
  public Future<Void> jobDone(String jobId, JsonObject result) {
    return calls.call(HttpMethod.POST, agentPath("/jobs/" + jobId + "/done"), CALL_TIMEOUT_MILLIS, result).mapEmpty();
  }

  private String agentPath(String rest) {
    return "/agents/" + agentId + rest;
  }
}
