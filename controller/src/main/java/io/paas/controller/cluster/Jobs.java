package io.paas.controller.cluster;

import io.paas.agent.DynoSpec;
import io.paas.agent.remote.Wire;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One-off work handed to an agent with its next assignments -- a release command, {@code paas run}, a restart or
 * stop -- and the promise the agent's reports complete: its output lines, then its result.
 */
public final class Jobs {
  private final AgentMailbox mailbox;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  public Jobs(AgentMailbox mailbox) {
    this.mailbox = mailbox;
  }

  private record Pending(Consumer<String> output, Promise<JsonObject> done) {
  }

  /** Runs the one-off dyno on the agent; completes with its exit status. */
  public Future<Integer> run(long agentId, DynoSpec spec, Consumer<String> output) {
    return send(agentId, new JsonObject().put("kind", "run").put("app", spec.app()).put("spec", Wire.spec(spec)),
        output).compose(result -> result.containsKey("exit") ? Future.succeededFuture(result.getInteger("exit"))
        : Future.failedFuture(result.getString("error")));
  }

  /** {@code kind} restart or stop; completes with the agent's result ({@code exit}, or {@code error}). */
  public Future<JsonObject> act(long agentId, String kind, String app, String which) {
    return send(agentId, new JsonObject().put("kind", kind).put("app", app).put("which", which), line -> { });
  }

  public void output(String jobId, List<String> lines) {
    Pending job = pending.get(jobId);
    if (job != null) {
      lines.forEach(job.output());
    }
  }

  public void done(String jobId, JsonObject result) {
    Pending job = pending.remove(jobId);
    if (job != null) {
      job.done().tryComplete(result);
    }
  }

  private Future<JsonObject> send(long agentId, JsonObject job, Consumer<String> output) {
    String id = UUID.randomUUID().toString();
    Promise<JsonObject> done = Promise.promise();
    pending.put(id, new Pending(output, done));
    mailbox.queue(agentId, job.put("id", id));
    return mailbox.bump(agentId).compose(v -> done.future());
  }
}
