package io.paas.controller.deploy;

import io.paas.agent.DynoSpec;
import io.paas.agent.DynoStatus;
import io.paas.common.ApiException;
import io.paas.controller.cluster.AgentChooser;
import io.paas.controller.cluster.AgentReports;
import io.paas.controller.cluster.Jobs;
import io.paas.controller.cluster.SchedulerLoop;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.store.App;
import io.paas.controller.store.Release;
import io.paas.controller.store.ReleaseStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Rolls releases out through the cluster: the desired release is in the store, the scheduler assigns its dynos,
 * the agents converge (new dynos up and serving before old ones stop), and the rollout waits until their heartbeats
 * show every wanted dyno of the release up. If an agent reports that the release's dynos did not come up, or they
 * are not up in time, the release is marked failed: the desired release falls back to the previous one, which the
 * agents never stopped.
 */
public final class Deployer {
  /** A dyno has a minute to pass its health check; the rest is pulling images and starting containers. */
  private static final Duration ROLLOUT_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Vertx vertx;
  private final SchedulerLoop scheduler;
  private final AgentReports reports;
  private final AgentChooser chooser;
  private final Jobs jobs;
  private final ReleaseStore releases;
  private final DesiredDynos desired;
  private final LogHub logs;

  public Deployer(Vertx vertx, SchedulerLoop scheduler, AgentReports reports, AgentChooser chooser, Jobs jobs,
                  ReleaseStore releases, DesiredDynos desired, LogHub logs) {
    this.vertx = vertx;
    this.scheduler = scheduler;
    this.reports = reports;
    this.chooser = chooser;
    this.jobs = jobs;
    this.releases = releases;
    this.desired = desired;
    this.logs = logs;
  }

  /**
   * Runs the release command, if any, then starts the release's dynos. Marks the release succeeded once they
   * serve, or failed, and then the previous release keeps serving.
   */
  public Future<Release> rollOut(App app, Release release, Consumer<String> progress) {
    return releasePhase(app, release, progress)
        .compose(v -> desired.of(app))
        .compose(dynos -> {
          progress.accept("-----> Launching " + release.name());
          return scheduler.trigger().compose(assigned -> running(app, release, dynos));
        })
        .compose(
            up -> releases.setStatus(release.id(), "succeeded").map(release),
            failure -> releases.setStatus(release.id(), "failed")
                .andThen(failed -> scheduler.trigger())
                .compose(v -> Future.failedFuture(failure)));
  }

  /** Completes once every dyno of the release the app wants is up on some agent. */
  private Future<Void> running(App app, Release release, List<DynoSpec> dynos) {
    Set<String> wanted = dynos.stream().filter(d -> d.release() == release.version()).map(DynoSpec::name)
        .collect(Collectors.toSet());
    return reports.await(vertx, () -> {
      List<String> failures = reports.failures(app.name(), release.version());
      if (!failures.isEmpty()) {
        throw new VertxException(String.join("; ", failures), true);
      }
      Set<String> up = reports.status(app.name()).stream()
          .filter(d -> d.release() == release.version() && DynoStatus.UP.equals(d.state()))
          .map(DynoStatus::name).collect(Collectors.toSet());
      return up.containsAll(wanted);
    }, ROLLOUT_TIMEOUT, release.name() + "'s dynos did not come up within " + ROLLOUT_TIMEOUT.toMinutes()
        + " minutes.");
  }

  private Future<Void> releasePhase(App app, Release release, Consumer<String> progress) {
    if (release.releaseCommand() == null) {
      return Future.succeededFuture();
    }
    DynoSpec spec = DynoPlan.releasePhase(app.name(), release);
    progress.accept("-----> Running release command: " + release.releaseCommand());
    // Not desired while its release command runs, so the scheduler does not start its dynos before it passed.
    return releases.setStatus(release.id(), ReleaseStore.RELEASING)
        .compose(v -> chooser.forOneOff(spec.memoryBytes())).compose(agent -> jobs.run(agent, spec, line -> {
      progress.accept("       " + line);
      logs.append(app.name(), LogEntry.now(LogEntry.APP, spec.name(), line));
    })).compose(status -> status == 0
        ? Future.succeededFuture()
        : Future.failedFuture(ApiException.invalid("Release command failed with exit status " + status
            + "; " + release.name() + " was not deployed.")))
        .compose(v -> releases.setStatus(release.id(), "pending"));
  }

  /** Places the app's dynos again (after a scale or resize); the agents converge in the background. */
  public Future<Void> converge(App app) {
    return scheduler.trigger();
  }

  /** Stops everything the app runs, which must be gone from the store already; completes once no agent runs it. */
  public Future<Void> stop(String app) {
    return scheduler.trigger().compose(v -> reports.await(vertx, () -> reports.status(app).isEmpty(), STOP_TIMEOUT,
        "The dynos of " + app + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s."));
  }
}
