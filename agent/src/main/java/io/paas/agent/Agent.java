package io.paas.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile loop of one host: makes the dynos of an app match their specs without dropping traffic. New dynos
 * start and must come up before the traffic switch sends requests to them; only after the switch has drained the
 * old ones are they stopped. A dyno that fails to come up is removed and the app keeps its previous dynos.
 */
public final class Agent {
  public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(60);
  /** The only process type that takes HTTP traffic, as on Heroku. */
  static final String WEB = "web";
  private static final Logger log = LoggerFactory.getLogger(Agent.class);
  /** Docker calls get their own pool: a stop blocks for its grace period and must not starve other blocking work. */
  private static final String DOCKER_POOL = "paas-agent-docker";
  private static final int DOCKER_POOL_SIZE = 8;

  private final DynoRuntime runtime;
  private final TrafficSwitch traffic;
  private final WorkerExecutor docker;
  private final DynoHealth health;
  private final PerAppQueue queue = new PerAppQueue();

  public Agent(Vertx vertx, DynoRuntime runtime, TrafficSwitch traffic) {
    this(vertx, runtime, traffic, DEFAULT_HEALTH_TIMEOUT);
  }

  public Agent(Vertx vertx, DynoRuntime runtime, TrafficSwitch traffic, Duration healthTimeout) {
    this.runtime = runtime;
    this.traffic = traffic;
    this.docker = vertx.createSharedWorkerExecutor(DOCKER_POOL, DOCKER_POOL_SIZE);
    this.health = new DynoHealth(vertx, docker, runtime, healthTimeout);
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
   * Converges every app in the map, and empties apps that have containers here but are not in the map. One app's
   * failure is logged and does not stop the others; the result fails afterwards naming the apps that failed.
   */
  public Future<Void> convergeAll(Map<String, List<DynoSpec>> desiredByApp) {
    return blocking(runtime::list).compose(observed -> {
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

  private Future<List<Dyno>> apply(ConvergePlan plan) {
    return startAll(plan.start()).compose(started -> {
      List<Dyno> serving = plan.serving(started);
      List<Dyno> web = serving.stream().filter(d -> WEB.equals(d.type())).toList();
      return traffic.serve(plan.app(), web)
          .compose(drained -> stopAll(plan.stop()))
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

  /** One dyno, started and up; its container is removed again if it does not come up. */
  private Future<Dyno> startUp(DynoSpec spec) {
    return blocking(() -> runtime.start(spec))
        .recover(e -> Future.failedFuture(
            new VertxException(spec.name() + " could not start: " + e.getMessage(), true)))
        .compose(dyno -> {
          log.info("Started {} {} v{} in {}", spec.app(), spec.name(), spec.release(), dyno.containerId());
          return health.awaitUp(dyno)
              .recover(down -> stopAll(List.of(dyno)).transform(stopped -> Future.failedFuture(down)));
        });
  }

  private Future<Void> stopAll(List<Dyno> dynos) {
    List<Future<Void>> stops = dynos.stream().map(d -> this.<Void>blocking(() -> {
      runtime.stop(d.containerId());
      log.info("Stopped {} {} v{} in {}", d.app(), d.name(), d.release(), d.containerId());
      return null;
    })).toList();
    return Future.join(stops).mapEmpty();
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return docker.executeBlocking(work, false);
  }
}
