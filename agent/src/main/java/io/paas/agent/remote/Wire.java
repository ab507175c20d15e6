package io.paas.agent.remote;

import io.paas.agent.Dyno;
import io.paas.agent.DynoMemory;
import io.paas.agent.DynoSpec;
import io.paas.agent.DynoStatus;
import io.paas.agent.LogLine;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of what crosses between agent and controller. Written out field by field: the protocol is a
 * contract, and a renamed record component must not change it silently.
 */
public final class Wire {
  private Wire() {
  }

  public static JsonObject spec(DynoSpec spec) {
    return new JsonObject().put("app", spec.app()).put("name", spec.name()).put("release", spec.release())
        .put("image", spec.image()).put("command", spec.command()).put("env", new JsonObject(Map.copyOf(spec.env())))
        .put("memory", spec.memoryBytes()).put("cpus", spec.cpus()).put("health_check_path", spec.healthCheckPath());
  }

  public static DynoSpec spec(JsonObject json) {
    Map<String, String> env = new LinkedHashMap<>();
    json.getJsonObject("env", new JsonObject()).forEach(e -> env.put(e.getKey(), String.valueOf(e.getValue())));
    return new DynoSpec(json.getString("app"), json.getString("name"), json.getInteger("release"),
        json.getString("image"), json.getString("command"), env, json.getLong("memory"), json.getDouble("cpus"),
        json.getString("health_check_path"));
  }

  public static JsonObject status(DynoStatus status) {
    return new JsonObject().put("app", status.app()).put("name", status.name()).put("release", status.release())
        .put("state", status.state()).put("restarts", status.restarts())
        .put("since", status.since() == null ? null : status.since().toString())
        .put("container", status.containerId()).put("host", status.host()).put("port", status.port())
        .put("memory", status.memory() == null ? null : new JsonObject().put("bytes", status.memory().bytes())
            .put("limit_bytes", status.memory().limitBytes()).put("at", status.memory().at().toString()));
  }

  public static DynoStatus status(JsonObject json) {
    String since = json.getString("since");
    JsonObject memory = json.getJsonObject("memory");
    return new DynoStatus(json.getString("app"), json.getString("name"), json.getInteger("release"),
        json.getString("state"), json.getInteger("restarts", 0), since == null ? null : Instant.parse(since),
        json.getString("container"), json.getString("host"), json.getInteger("port", 0),
        memory == null ? null : new DynoMemory(memory.getLong("bytes"), memory.getLong("limit_bytes"),
            Instant.parse(memory.getString("at"))));
  }

  public static JsonObject dyno(Dyno dyno) {
    return new JsonObject().put("name", dyno.name()).put("host", dyno.host()).put("port", dyno.port());
  }

  public static JsonObject logLine(LogLine line) {
    return new JsonObject().put("app", line.app()).put("dyno", line.dyno()).put("time", line.time().toString())
        .put("stream", line.stream()).put("text", line.text());
  }

  public static LogLine logLine(JsonObject json) {
    return new LogLine(json.getString("app"), json.getString("dyno"), Instant.parse(json.getString("time")),
        json.getString("stream"), json.getString("text"));
  }
}
