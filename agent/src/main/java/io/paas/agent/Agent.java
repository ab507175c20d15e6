package io.paas.agent;

import static io.paas.agent.DynoStatus.CRASHED;
import static io.paas.agent.DynoStatus.DOWN;
import static io.paas.agent.DynoStatus.STARTING;
import static io.paas.agent.DynoStatus.UP;

import io.paas.agent.DynoStates.Entry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile loop of one host: makes the dynos of an app match their specs without dropping traffic. New dynos
 * start and must come up before the traffic switch sends requests to them; only after the switch has drained the
 * old ones are they stopped. A dyno that fails to come up in a converge is removed and the app keeps its previous
 * dynos. A dyno that was up and exits has crashed: it leaves the traffic at once and starts again after the backoff
 * of the {@link RestartPolicy}. The agent keeps each dyno's state for {@link #status}. Everything the dynos print,
 * and their lifecycle events, goes to a {@link LogSink}. Converges, restarts and stops of one app run one after
 * another.
 */
public final class Agent {
  public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(60);
  /** The only process type that takes HTTP traffic, as on Heroku. */
  public static final String WEB = "web";
  private static final Logger log = LoggerFactory.getLogger(Agent.class);
  /** Docker calls get their own pool: a stop blocks for its grace period and must not starve other blocking work. */
  private static final String DOCKER_POOL = "paas-agent-docker";
  private static final int DOCKER_POOL_SIZE = 8;
  /** One-off dynos run for minutes (a release's migrations); on the converge pool they could starve converges. */
  private static final String ONE_OFF_POOL = "paas-agent-one-off";
  private static final int ONE_OFF_POOL_SIZE = 8;
  /** A log stream may end a moment before the engine reports its container exited: look this often, this far apart. */
  private static final int EXIT_CHECKS = 10;
  private static final long EXIT_CHECK_MILLIS = 200;

  private final Vertx vertx;
  private final DynoRuntime runtime;
  private final TrafficSwitch traffic;
  private final WorkerExecutor docker;
  private final WorkerExecutor oneOffs;
  private final DynoHealth health;
  private final LogSink logs;
  private final LogFollowers followers;
  private final RestartPolicy restartPolicy;
  private final PerAppQueue queue = new PerAppQueue();
  private final DynoStates states = new DynoStates();
  private volatile boolean closed;

  public Agent(Vertx vertx, DynoRuntime runtime, TrafficSwitch traffic) {
    this(vertx, runtime, traffic, DEFAULT_HEALTH_TIMEOUT);
  }

  public Agent(Vertx vertx, DynoRuntime runtime, TrafficSwitch traffic, Duration healthTimeout) {
    this(vertx, runtime, traffic, healthTimeout, line -> { });
  }

  public Agent(Vertx vertx, DynoRuntime runtime, TrafficSwitch traffic, Duration healthTimeout, LogSink logs) {
    this(vertx, runtime, traffic, healthTimeout, logs, RestartPolicy.DEFAULT);
  }

  public Agent(Vertx vertx, DynoRuntime runtime, TrafficSwitch traffic, Duration healthTimeout, LogSink logs,
               RestartPolicy restartPolicy) {
    this.vertx = vertx;
    this.runtime = runtime;
    this.traffic = traffic;
    this.docker = vertx.createSharedWorkerExecutor(DOCKER_POOL, DOCKER_POOL_SIZE);
    this.oneOffs = vertx.createSharedWorkerExecutor(ONE_OFF_POOL, ONE_OFF_POOL_SIZE);
    this.health = new DynoHealth(vertx, docker, runtime, healthTimeout);
    this.logs = logs;
    this.followers = new LogFollowers(runtime, logs, this::streamEnded);
    this.restartPolicy = restartPolicy;
  }

  /**
   * Makes the app run exactly {@code desired}; idempotent. Completes with the dynos now running for the app, in the
   * order of {@code desired}; the web ones among them are what the traffic switch serves. A crashed dyno of the
   * desired release is left to its scheduled restart and missing from the result; one of another release is
   * replaced now. Calls for the same app run one after another.
   */
  public Future<List<Dyno>> converge(String app, List<DynoSpec> desired) {
    return queue.submit(app, () -> blocking(runtime::list).compose(observed -> {
      ConvergePlan.validate(app, desired);
      Map<String, Integer> releases = desired.stream().collect(Collectors.toMap(DynoSpec::name, DynoSpec::release));
      Predicate<Entry> desiredRelease = e -> Objects.equals(releases.get(e.name()), e.spec().release());
      return recoverCrashes(app, observed, desiredRelease).compose(now -> {
        Set<String> waiting = states.entries(app).stream().filter(e -> e.is(CRASHED) && desiredRelease.test(e))
            .map(Entry::name).collect(Collectors.toSet());
        return apply(ConvergePlan.of(app, desired, now, waiting));
      });
    }));
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

  /**
   * Replaces the app's dynos by new containers of the same spec, one at a time, as {@code ps:restart}: {@code which}
   * is null for all of them, a process type ({@code web}) or a dyno name ({@code web.2}). A running dyno's
   * replacement comes up and takes over its traffic before the old container is stopped, so no request is dropped; a
   * crashed or stopped dyno starts at once. Fails with {@link NoSuchDynoException} when nothing matches, and with the
   * reason when a replacement does not come up: the dyno it was to replace keeps running, the ones after it are left.
   */
  public Future<Void> restart(String app, String which) {
    return queue.submit(app, () -> matching(app, which).compose(entries -> {
      Future<Void> restarted = Future.succeededFuture();
      for (Entry entry : entries) {
        restarted = restarted.compose(previous -> restartOne(entry));
      }
      return restarted;
    }));
  }

  /**
   * Stops the app's dynos as {@code ps:stop}, {@code which} as for {@link #restart}: traffic moves off them, then
   * their containers stop. They stay down, crashes are not restarted, until the next converge starts them again.
   */
  public Future<Void> stop(String app, String which) {
    return queue.submit(app, () -> matching(app, which).compose(entries -> {
      List<Entry> stopping = entries.stream().filter(e -> !e.is(DOWN)).toList();
      stopping.forEach(e -> {
        states.put(e.spec(), DOWN, e.restarts(), null);
        platform(e.spec(), "State changed from " + e.state() + " to down");
      });
      List<Dyno> running = stopping.stream().map(Entry::dyno).filter(Objects::nonNull).toList();
      Future<Void> drained = running.stream().anyMatch(d -> WEB.equals(d.type())) ? serveUp(app)
          : Future.succeededFuture();
      return drained.compose(moved -> stopAll(running));
    }));
  }

  /** The app's dynos as the agent last saw them, in {@link DynoStatus#ORDER}. */
  public List<DynoStatus> status(String app) {
    return states.status(app);
  }

  /** Every app's dynos, in {@link DynoStatus#ORDER}. */
  public List<DynoStatus> status() {
    return states.status();
  }

  /**
   * Stops following the dynos' output and restarting crashed ones, as at shutdown; the dynos keep running (they
   * outlive the agent).
   */
  public void close() {
    closed = true;
    followers.closeAll();
  }

  /**
   * Converges every app in the map, and empties apps that have containers or dynos here but are not in the map. One
   * app's failure is logged and does not stop the others; the result fails afterwards with {@link ConvergeFailed},
   * which says why each app failed.
   */
  public Future<Void> convergeAll(Map<String, List<DynoSpec>> desiredByApp) {
    return blocking(runtime::list).compose(observed -> {
      followers.retainOnly(observed.stream().map(Dyno::containerId).collect(Collectors.toSet()));
      Set<String> apps = new TreeSet<>(desiredByApp.keySet());
      observed.forEach(d -> apps.add(d.app()));
      apps.addAll(states.apps());
      Map<String, Future<List<Dyno>>> runs = new TreeMap<>();
      for (String app : apps) {
        runs.put(app, converge(app, desiredByApp.getOrDefault(app, List.of()))
            .onFailure(e -> log.warn("Converging {} failed: {}", app, e.getMessage())));
      }
      return Future.join(List.copyOf(runs.values())).transform(done -> {
        if (done.succeeded()) {
          return Future.<Void>succeededFuture();
        }
        Map<String, String> reasons = new TreeMap<>();
        runs.forEach((app, run) -> {
          if (run.failed()) {
            reasons.put(app, String.valueOf(run.cause().getMessage()));
          }
        });
        return Future.failedFuture(new ConvergeFailed(reasons));
      });
    });
  }

  /**
   * Exited containers serve nothing, so they are removed first: their exit is reported before their replacements
   * come up. Running ones are stopped only once traffic has moved off them. Dynos that have no container while
   * theirs start show as starting; if any fails to come up, the app's states are as before.
   */
  private Future<List<Dyno>> apply(ConvergePlan plan) {
    String app = plan.app();
    Map<String, Entry> before = states.of(app);
    for (DynoSpec spec : plan.start()) {
      Entry previous = before.get(spec.name());
      if (previous == null || !previous.is(UP)) {
        states.put(spec, STARTING, restartsAfter(previous, spec), null);
      }
    }
    Map<Boolean, List<Dyno>> stopByRunning = plan.stop().stream().collect(Collectors.partitioningBy(Dyno::running));
    return followAll(plan.keep().values())
        .compose(following -> stopAll(stopByRunning.get(false)))
        .compose(cleared -> startAll(plan.start()))
        .onFailure(notUp -> states.restore(app, before))
        .compose(started -> {
          List<Dyno> serving = plan.serving(started);
          record(plan, serving, before);
          return serveUp(app)
              .compose(drained -> stopAll(stopByRunning.get(true)))
              .map(serving);
        });
  }

  /** Notes the converged dynos as up; a dyno that was up in the same container keeps its entry. */
  private void record(ConvergePlan plan, List<Dyno> serving, Map<String, Entry> before) {
    Map<String, Dyno> byName = serving.stream().collect(Collectors.toMap(Dyno::name, Function.identity()));
    for (DynoSpec spec : plan.desired()) {
      Dyno dyno = byName.get(spec.name());
      Entry previous = before.get(spec.name());
      if (dyno == null) {
        continue;
      }
      if (previous != null && previous.is(UP) && previous.dyno().containerId().equals(dyno.containerId())) {
        if (!previous.spec().equals(spec)) {
          states.respec(previous, spec);
        }
      } else {
        states.put(spec, UP, restartsAfter(previous, spec), dyno);
      }
    }
    states.retain(plan.app(), plan.desired().stream().map(DynoSpec::name).collect(Collectors.toSet()));
  }

  /** A new release counts its crashes from zero. */
  private static int restartsAfter(Entry previous, DynoSpec spec) {
    return previous != null && previous.spec().release() == spec.release() ? previous.restarts() : 0;
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
          return health.awaitUp(dyno, spec.healthCheckPath())
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

  /** Points the app's traffic at its up web dynos; completes once the ones left out are drained. */
  private Future<Void> serveUp(String app) {
    return traffic.serve(app, states.upWeb(app));
  }

  private Future<Void> serveUpIfWeb(DynoSpec spec) {
    return WEB.equals(spec.type()) ? serveUp(spec.app()) : Future.succeededFuture();
  }

  /** The app's dynos {@code which} names: all (null), a process type or one dyno; fails if there are none. */
  private Future<List<Entry>> matching(String app, String which) {
    List<Entry> entries = states.entries(app);
    if (which == null) {
      return Future.succeededFuture(entries);
    }
    boolean byName = which.contains(".");
    List<Entry> found = entries.stream().filter(e -> which.equals(byName ? e.name() : e.spec().type())).toList();
    if (found.isEmpty()) {
      return Future.failedFuture(new NoSuchDynoException(
          byName ? app + " has no dyno " + which + "." : app + " has no " + which + " dynos."));
    }
    return Future.succeededFuture(found);
  }

  /** A running dyno is replaced by a new container once that is up; one without a container just starts. */
  private Future<Void> restartOne(Entry entry) {
    platform(entry.spec(), "Restarting");
    if (!entry.is(UP)) {
      return startAgain(entry, true);
    }
    return startUp(entry.spec()).compose(fresh -> {
      states.put(entry.spec(), UP, entry.restarts(), fresh);
      return serveUpIfWeb(entry.spec()).compose(drained -> stopAll(List.of(entry.dyno())));
    });
  }

  // Crash recovery: notice the exit, take the dyno out of the traffic, start it again after the backoff.

  /** A followed container's log stream ended: if it served an up dyno, look whether the dyno exited. */
  private void streamEnded(Dyno dyno) {
    if (!closed && states.servedBy(dyno)) {
      awaitExit(dyno, EXIT_CHECKS);
    }
  }

  /** A stream that ended while its container runs on broke on its own; the next converge follows it again. */
  private void awaitExit(Dyno dyno, int checksLeft) {
    blocking(() -> runtime.list().stream().anyMatch(d -> d.containerId().equals(dyno.containerId()) && d.running()))
        .onSuccess(running -> {
          if (!running) {
            queue.submit(dyno.app(), () -> blocking(runtime::list)
                    .compose(observed -> recoverCrashes(dyno.app(), observed, any -> true)))
                .onFailure(e -> log.warn("Recovering {} {} failed: {}", dyno.app(), dyno.name(), e.getMessage()));
          } else if (checksLeft > 1) {
            vertx.setTimer(EXIT_CHECK_MILLIS, timer -> awaitExit(dyno, checksLeft - 1));
          }
        })
        .onFailure(e -> log.warn("Checking {} {} failed: {}", dyno.app(), dyno.name(), e.getMessage()));
  }

  /**
   * Handles as crashed each up dyno of the app ({@code among} them) whose container no longer runs, one after
   * another; completes with the app's containers afterwards.
   */
  private Future<List<Dyno>> recoverCrashes(String app, List<Dyno> observed, Predicate<Entry> among) {
    Set<String> running = observed.stream().filter(Dyno::running).map(Dyno::containerId)
        .collect(Collectors.toSet());
    List<Entry> exited = states.entries(app).stream()
        .filter(e -> e.is(UP) && among.test(e) && !running.contains(e.dyno().containerId()))
        .toList();
    if (exited.isEmpty()) {
      return Future.succeededFuture(observed);
    }
    Future<Void> handled = Future.succeededFuture();
    for (Entry entry : exited) {
      handled = handled.compose(previous -> crashed(entry));
    }
    return handled.compose(done -> blocking(runtime::list));
  }

  /**
   * The dyno exited: it leaves the traffic, its container is removed and its restart scheduled. A dyno that stayed
   * up for the policy's cap starts counting its crashes anew.
   */
  private Future<Void> crashed(Entry up) {
    boolean stayedUp = Duration.between(up.since(), Instant.now()).compareTo(restartPolicy.cap()) >= 0;
    Entry crashed = states.put(up.spec(), CRASHED, (stayedUp ? 0 : up.restarts()) + 1, null);
    return serveUpIfWeb(up.spec())
        .onFailure(e -> log.warn("Moving traffic off crashed {} {} failed: {}", up.app(), up.name(), e.getMessage()))
        .transform(moved -> stopAll(List.of(up.dyno())))
        .transform(removed -> {
          platform(up.spec(), "State changed from up to crashed");
          scheduleRestart(crashed);
          return Future.succeededFuture();
        });
  }

  private void scheduleRestart(Entry crashed) {
    Duration delay = restartPolicy.delay(crashed.restarts());
    log.info("Restarting {} {} in {} ms (crash {})", crashed.app(), crashed.name(), delay.toMillis(),
        crashed.restarts());
    if (delay.isZero()) {
      restartIfDue(crashed);
    } else {
      vertx.setTimer(delay.toMillis(), timer -> restartIfDue(crashed));
    }
  }

  /** Queued behind the app's other work; a converge, restart or stop since the crash makes it moot. */
  private void restartIfDue(Entry crashed) {
    queue.submit(crashed.app(), () -> closed || !states.isCurrent(crashed) ? Future.<Void>succeededFuture()
            : startAgain(crashed, false))
        .onFailure(e -> log.warn("Restarting {} {} failed: {}", crashed.app(), crashed.name(), e.getMessage()));
  }

  /**
   * Starts a dyno that has no container (crashed or down); back up, it takes traffic again. If it does not come up it
   * has crashed again and waits longer; {@code failLoudly} also fails the result with the reason.
   */
  private Future<Void> startAgain(Entry entry, boolean failLoudly) {
    DynoSpec spec = entry.spec();
    states.put(spec, STARTING, entry.restarts(), null);
    platform(spec, "State changed from " + entry.state() + " to starting");
    return startUp(spec).transform(started -> {
      if (started.succeeded()) {
        states.put(spec, UP, entry.restarts(), started.result());
        return serveUpIfWeb(spec);
      }
      log.warn("{} {} did not come up: {}", spec.app(), spec.name(), started.cause().getMessage());
      Entry again = states.put(spec, CRASHED, entry.restarts() + 1, null);
      platform(spec, "State changed from starting to crashed");
      scheduleRestart(again);
      return failLoudly ? Future.failedFuture(started.cause()) : Future.succeededFuture();
    });
  }

  private void platform(Dyno dyno, String text) {
    logs.line(new LogLine(dyno.app(), dyno.name(), Instant.now(), LogLine.PLATFORM, text));
  }

  private void platform(DynoSpec spec, String text) {
    logs.line(new LogLine(spec.app(), spec.name(), Instant.now(), LogLine.PLATFORM, text));
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return docker.executeBlocking(work, false);
  }
}
