package io.paas.agent.remote;

import io.paas.agent.Agent;
import io.paas.agent.DynoRuntime;
import io.paas.agent.MemorySampler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;

/** An agent that takes its assignments from a controller over the agent protocol, wired in one place. */
public final class RemoteAgent {
  private RemoteAgent() {
  }

  /**
   * Starts the agent; completes once it registered and converged its first assignments (it keeps trying while the
   * controller is down).
   */
  public static Future<Void> start(Vertx vertx, DynoRuntime runtime, Duration healthTimeout, String controllerUrl,
                                   String token, String name, long memoryBytes, double cpus, Duration reconcile) {
    ControllerClient controller = new ControllerClient(vertx, controllerUrl, token);
    Agent agent = new Agent(vertx, runtime, new HttpTrafficSwitch(controller), healthTimeout,
        new HttpLogSink(vertx, controller));
    MemorySampler memory = new MemorySampler(vertx, runtime, agent::status);
    memory.start(MemorySampler.INTERVAL);
    return new ControllerSession(vertx, controller, agent, memory, name, memoryBytes, cpus, reconcile.toMillis())
        .start();
  }
}
