package io.paas.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile loop of one host: makes the dynos of an app match their specs without dropping traffic. New dynos
 * start and must come up before the traffic switch sends requests to them; only after the switch has drained the
 * old ones are they stopped. A dyno that fails to come up is removed and the app keeps its previous dynos.
 * Everything the dynos print, and their lifecycle events, goes to a {@link LogSink}.
 */
public final class Agent {
  public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(60);
  /** The only process type that takes HTTP traffic, as on Heroku. */
  static final String WEB = "web";
  private static final Logger log = LoggerFactory.getLogger(Agent.class);
  /** Docker calls get their own pool: a stop blocks for its grace period and must not starve other blocking work. */
  private static final String DOCKER_POOL = "paas-agent-docker";
  private static final int DOCKER_POOL_SIZE = 8;
  /** One-off dynos run for minutes (a release's migrations); on the converge pool they could starve converges. */
  private static final String ONE_OFF_POOL = "paas-agent-one-off";
  private static final int ONE_OFF_POOL_SIZE = 8;

  private final DynoRuntime runtime;
  private final TrafficSwitch traffic;
  private final WorkerExecutor docker;
  private final WorkerExecutor oneOffs;
  private final DynoHealth health;
  private final LogSink logs;
  private final LogFollowers followers;
  private final PerAppQueue queue = new PerAppQueue();

  public Agent(Vertx vertx, DynoRuntime runtime, TrafficSwitch traffic) {
    this(vertx, runtime, traffic, DEFAULT_HEALTH_TIMEOUT);
  }

  public Agent(Vertx vertx, DynoRuntime runtime, TrafficSwitch traffic, Duration healthTimeout) {
    this(vertx, runtime, traffic, healthTimeout, line -> { });
  }

  public Agent(Vertx vertx, DynoRuntime runtime, TrafficSwitch traffic, Duration healthTimeout, LogSink logs) {
    this.runtime = runtime;
    this.traffic = traffic;
    this.docker = vertx.createSharedWorkerExecutor(DOCKER_POOL, DOCKER_POOL_SIZE);
    this.oneOffs = vertx.createSharedWorkerExecutor(ONE_OFF_POOL, ONE_OFF_POOL_SIZE);
    this.health = new DynoHealth(vertx, docker, runtime, healthTimeout);
    this.logs = logs;
    this.followers = new LogFollowers(runtime, logs);
  }

  /**
   * Makes the app run exactly {@code desired}; idempotent. Completes with the dynos now running for the app, in the
   * order of {@code desired}; the web ones among them are what the traffic switch serves. Calls for the same app
   * run one after another.
   */
  public Future<List<Dyno>> converge(String app, List<DynoSpec> desired) {
    return queue.submit(app, () -> blocking(runtime::list)
        .compose(observed -> apply(ConvergePlan.of(app, desired, observed))));
  }

  /**
   * Runs a one-off dyno to completion (Heroku's release phase, later {@code paas run}) and completes with its exit
   * status; {@code output} gets its lines as they come, from a Docker thread. Not queued behind the app's converges:
   * the caller orders it (the deployer runs the release command before converging to the release), and a long run
   * must not hold up the passes that replace crashed dynos.
   */
  public Future<Integer> runOnce(DynoSpec spec, Consumer<String> output) {
    return oneOffs.executeBlocking(() -> runtime.runOnce(spec, output), false);
  }

  /** Stops following the dynos' output, as at shutdown; the dynos keep running (they outlive the agent). */
  public void close() {
    followers.closeAll();
  }

  /**
   * Converges every app in the map, and empties apps that have containers here but are not in the map. One app's
   * failure is logged and does not stop the others; the result fails afterwards naming the apps that failed.
   */
  public Future<Void> convergeAll(Map<String, List<DynoSpec>> desiredByApp) {
    return blocking(runtime::list).compose(observed -> {
      followers.retainOnly(observed.stream().map(Dyno::containerId).collect(Collectors.toSet()));
      Set<String> apps = new TreeSet<>(desiredByApp.keySet());
      observed.forEach(d -> apps.add(d.app()));
      Map<String, Future<List<Dyno>>> runs = new TreeMap<>();
      for (String app : apps) {
        runs.put(app, converge(app, desiredByApp.getOrDefault(app, List.of()))
            .onFailure(e -> log.warn("Converging {} failed: {}", app, e.getMessage())));
      }
      return Future.join(List.copyOf(runs.values())).transform(done -> {
        if (done.succeeded()) {
          return Future.<Void>succeededFuture();
        }
        String failed = runs.entrySet().stream().filter(run -> run.getValue().failed()).map(Map.Entry::getKey)
            .collect(Collectors.joining(", "));
        return Future.failedFuture(new VertxException("Converging failed for " + failed, true));
      });
    });
  }

  /**
   * Exited containers serve nothing, so they are removed first: their exit is reported before their replacements
   * come up. Running ones are stopped only once traffic has moved off them.
   */
  private Future<List<Dyno>> apply(ConvergePlan plan) {
    Map<Boolean, List<Dyno>> stopByRunning = plan.stop().stream().collect(Collectors.partitioningBy(Dyno::running));
    return followAll(plan.keep().values())
        .compose(following -> stopAll(stopByRunning.get(false)))
        .compose(cleared -> startAll(plan.start()))
        .compose(started -> {
          List<Dyno> serving = plan.serving(started);
          List<Dyno> web = serving.stream().filter(d -> WEB.equals(d.type())).toList();
          return traffic.serve(plan.app(), web)
              .compose(drained -> stopAll(stopByRunning.get(true)))
              .map(serving);
        });
  }

  /** Starts the dynos side by side; if any fails to come up, removes all of them and fails with every reason. */
  private Future<List<Dyno>> startAll(List<DynoSpec> specs) {
    List<Future<Dyno>> starts = specs.stream().map(this::startUp).toList();
    return Future.join(starts).transform(done -> {
      List<Dyno> started = starts.stream().filter(Future::succeeded).map(Future::result).toList();
      if (done.succeeded()) {
        return Future.succeededFuture(started);
      }
      String reasons = starts.stream().filter(Future::failed).map(f -> f.cause().getMessage())
          .collect(Collectors.joining("; "));
      return stopAll(started).transform(stopped -> Future.failedFuture(new VertxException(reasons, true)));
    });
  }

  /**
   * Follows the running dynos the agent keeps: adopted ones after a restart from now, so lines shipped before are
   * not shipped again, and ones whose follower broke from their last line shipped.
   */
  private Future<Void> followAll(Iterable<Dyno> kept) {
    return blocking(() -> {
      Instant now = Instant.now();
      kept.forEach(dyno -> followers.follow(dyno, now));
      return null;
    });
  }

  /** One dyno, started and up; its container is removed again if it does not come up. */
  private Future<Dyno> startUp(DynoSpec spec) {
    return blocking(() -> {
      Dyno dyno = runtime.start(spec);
      // From the start, so the first lines ("listening on 5000") are shipped too.
      followers.follow(dyno, Instant.EPOCH);
      return dyno;
    })
        .recover(e -> Future.failedFuture(
            new VertxException(spec.name() + " could not start: " + e.getMessage(), true)))
        .compose(dyno -> {
          log.info("Started {} {} v{} in {}", spec.app(), spec.name(), spec.release(), dyno.containerId());
          return health.awaitUp(dyno)
              .onSuccess(up -> platform(up, "State changed from starting to up"))
              .recover(down -> stopAll(List.of(dyno)).transform(stopped -> Future.failedFuture(down)));
        });
  }

  /** Stops and removes the dynos; a dyno that exited by itself is reported with its status, as Heroku does. */
  private Future<Void> stopAll(List<Dyno> dynos) {
    List<Future<Void>> stops = dynos.stream().map(d -> this.<Void>blocking(() -> {
      OptionalInt exited = runtime.exitStatus(d.containerId());
      platform(d, exited.isPresent() ? "Process exited with status " + exited.getAsInt()
          : "Stopping all processes with SIGTERM");
      runtime.stop(d.containerId());
      followers.forget(d.containerId());
      log.info("Stopped {} {} v{} in {}", d.app(), d.name(), d.release(), d.containerId());
      return null;
    })).toList();
    return Future.join(stops).mapEmpty();
  }

  private void platform(Dyno dyno, String text) {
    logs.line(new LogLine(dyno.app(), dyno.name(), Instant.now(), LogLine.PLATFORM, text));
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return docker.executeBlocking(work, false);
  }
}
