package io.paas.controller.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What waits for each agent's next long-poll: a wake-up when its generation changes, and the one-off jobs queued for
 * it. In memory: a job belongs to the controller that queued it, which alone can complete it (one controller for
 * now; with several, an agent polling another controller would not see the job).
 */
public final class AgentMailbox {
  private final Vertx vertx;
  private final AgentStore agents;
  private final Map<Long, List<Promise<Void>>> waiting = new ConcurrentHashMap<>();
  private final Map<Long, List<JsonObject>> jobs = new ConcurrentHashMap<>();

  public AgentMailbox(Vertx vertx, AgentStore agents) {
    this.vertx = vertx;
    this.agents = agents;
  }

  /** Something new for the agent: its generation goes up and its long-poll answers. */
  public Future<Void> bump(long agentId) {
    return agents.bumpGeneration(agentId).onSuccess(generation -> wake(agentId)).mapEmpty();
  }

  /** Completes when the agent is woken, or after {@code timeoutMillis}. */
  public Future<Void> await(long agentId, long timeoutMillis) {
    Promise<Void> woken = Promise.promise();
    waiting.computeIfAbsent(agentId, id -> new ArrayList<>()).add(woken);
    long timer = vertx.setTimer(timeoutMillis, t -> woken.tryComplete());
    return woken.future().onComplete(done -> {
      vertx.cancelTimer(timer);
      synchronized (this) {
        waiting.getOrDefault(agentId, new ArrayList<>()).remove(woken);
      }
    });
  }

  private void wake(long agentId) {
    List<Promise<Void>> woken;
    synchronized (this) {
      woken = waiting.remove(agentId);
    }
    if (woken != null) {
      woken.forEach(Promise::tryComplete);
    }
  }

  public synchronized void queue(long agentId, JsonObject job) {
    jobs.computeIfAbsent(agentId, id -> new ArrayList<>()).add(job);
  }

  /** The agent's queued jobs, which are now delivered. */
  public synchronized List<JsonObject> take(long agentId) {
    List<JsonObject> taken = jobs.remove(agentId);
    return taken == null ? List.of() : taken;
  }
}
