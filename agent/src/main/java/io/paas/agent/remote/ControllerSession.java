package io.paas.agent.remote;

import io.paas.agent.Agent;
import io.paas.agent.ConvergeFailed;
import io.paas.agent.DynoSpec;
import io.paas.agent.MemorySampler;
import io.paas.agent.NoSuchDynoException;
import io.paas.agent.remote.ControllerClient.Assignments;
import io.paas.agent.remote.ControllerClient.Failure;
import io.paas.agent.remote.ControllerClient.Job;
import io.paas.common.cluster.ControllerCalls.ControllerRefused;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's life with its controller: register (retrying with backoff while the controller is down), heartbeat
 * with the dynos' states and latest memory samples, long-poll for assignments and converge to every new generation,
 * run the one-off jobs that come with them. A controller that cannot be reached changes nothing here: the dynos keep
 * running as assigned. One that no longer knows the agent (401, 404) gets a new registration.
 */
public final class ControllerSession {
  private static final Logger log = LoggerFactory.getLogger(ControllerSession.class);
  private static final long MAX_BACKOFF_MILLIS = 10_000;
  private static final long RETRY_MILLIS = 1_000;

  private final Vertx vertx;
  private final ControllerClient controller;
  private final Agent agent;
  private final MemorySampler memory;
  private final String name;
  private final long memoryBytes;
  private final double cpus;
  private final long reconcileMillis;
  private final Promise<Void> firstConverge = Promise.promise();
  private Map<String, List<DynoSpec>> assigned;
  private List<Failure> failures = List.of();
  private long generation;
  private long heartbeatTimer = -1;
  private boolean registering;
  private boolean converging;
  private boolean convergeAgain;

  public ControllerSession(Vertx vertx, ControllerClient controller, Agent agent, MemorySampler memory, String name,
                           long memoryBytes, double cpus, long reconcileMillis) {
    this.vertx = vertx;
    this.controller = controller;
    this.agent = agent;
    this.memory = memory;
    this.name = name;
    this.memoryBytes = memoryBytes;
    this.cpus = cpus;
    this.reconcileMillis = reconcileMillis;
  }

  /** Starts the session; completes once the first assignments have been converged. */
  public Future<Void> start() {
    vertx.runOnContext(v -> register(RETRY_MILLIS));
    vertx.setPeriodic(reconcileMillis, id -> converge());
    return firstConverge.future();
  }

  private void register(long backoff) {
    registering = true;
    controller.register(name, memoryBytes, cpus).onComplete(done -> {
      if (done.failed()) {
        log.warn("Registering with the controller failed ({}); retrying in {} ms", done.cause().getMessage(),
            backoff);
        vertx.setTimer(backoff, t -> register(Math.min(backoff * 2, MAX_BACKOFF_MILLIS)));
        return;
      }
      registering = false;
      log.info("Registered as agent {} ({})", done.result().id(), name);
      if (heartbeatTimer >= 0) {
        vertx.cancelTimer(heartbeatTimer);
      }
      heartbeatTimer = vertx.setPeriodic(done.result().heartbeatSeconds() * 1000L, id -> heartbeat());
      generation = 0;
      heartbeat();
      poll();
    });
  }

  private void reRegisterIf(Throwable failure) {
    // 401 (a new cluster token) or 404 (an unknown agent): the controller no longer knows this registration.
    if (failure instanceof ControllerRefused refused && (refused.status() == 401 || refused.status() == 404)
        && !registering) {
      log.warn("The controller no longer knows this agent; registering again");
      register(RETRY_MILLIS);
    }
  }

  private Future<Long> heartbeat() {
    if (registering) {
      return Future.succeededFuture(generation);
    }
    return controller.heartbeat(memory.withMemory(agent.status()), failures).onFailure(this::reRegisterIf);
  }

  private void poll() {
    if (registering) {
      return;
    }
    long after = generation;
    controller.assignments(after).onComplete(done -> {
      if (done.failed()) {
        reRegisterIf(done.cause());
        vertx.setTimer(RETRY_MILLIS, t -> poll());
        return;
      }
      Assignments next = done.result();
      if (next.generation() > generation) {
        generation = next.generation();
        // A generation may bring only jobs; converging then would start dynos a ps:stop just took down.
        if (!next.dynosByApp().equals(assigned)) {
          assigned = next.dynosByApp();
          converge();
        }
        next.jobs().forEach(this::run);
      }
      poll();
    });
  }

  /** One converge at a time; assignments that arrive meanwhile are converged right after. */
  private void converge() {
    if (assigned == null) {
      return;
    }
    if (converging) {
      convergeAgain = true;
      return;
    }
    converging = true;
    Map<String, List<DynoSpec>> desired = assigned;
    agent.convergeAll(desired).onComplete(done -> {
      failures = done.failed() && done.cause() instanceof ConvergeFailed failed ? failures(desired, failed) : List.of();
      converging = false;
      firstConverge.tryComplete();
      // The controller waits on these states to finish a rollout: tell it now rather than at the next beat.
      heartbeat();
      if (convergeAgain) {
        convergeAgain = false;
        converge();
      }
    });
  }

  private static List<Failure> failures(Map<String, List<DynoSpec>> desired, ConvergeFailed failed) {
    List<Failure> failures = new ArrayList<>();
    failed.reasons().forEach((app, reason) -> failures.add(new Failure(app,
        desired.getOrDefault(app, List.of()).stream().mapToInt(DynoSpec::release).max().orElse(0), reason)));
    return failures;
  }

  private void run(Job job) {
    Future<Integer> exit = switch (job.kind()) {
      case "run" -> {
        JobOutput output = new JobOutput(controller, job.id());
        yield agent.runOnce(job.spec(), output::line).compose(status -> output.flushed().map(status));
      }
      case "restart" -> agent.restart(job.app(), job.which()).map(0);
      case "stop" -> agent.stop(job.app(), job.which()).map(0);
      default -> Future.failedFuture("Unknown job kind " + job.kind());
    };
    // The states a restart or stop changed reach the controller before the job's result, so ps shows them at once.
    exit.transform(done -> heartbeat().transform(beat -> controller.jobDone(job.id(), done.succeeded()
            ? new JsonObject().put("exit", done.result())
            : new JsonObject().put("error", String.valueOf(done.cause().getMessage()))
                .put("not_found", done.cause() instanceof NoSuchDynoException))))
        .onFailure(e -> log.warn("Reporting job {} failed: {}", job.id(), e.getMessage()));
  }
}
