package io.paas.controller.deploy;

import io.paas.agent.Agent;
import io.paas.agent.DynoSpec;
import io.paas.common.ApiException;
import io.paas.controller.logs.LogHub;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.FormationStore;
import io.paas.controller.store.Release;
import io.paas.controller.store.ReleaseStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges the agent to the releases in the store. A rollout starts the new release's dynos and waits for their
 * health check before traffic moves and the old ones stop. The full pass runs at start-up and periodically: it
 * adopts dynos that outlived a restart and replaces crashed ones. Both read the same desired state (the newest
 * release that has not failed), so a periodic pass during a rollout converges to the same release.
 */
public final class Deployer {
  private static final Logger LOG = LoggerFactory.getLogger(Deployer.class);

  private final Agent agent;
  private final AppStore apps;
  private final ReleaseStore releases;
  private final FormationStore formations;
  private final LogHub logs;
  private final AtomicBoolean passRunning = new AtomicBoolean();

  public Deployer(Agent agent, AppStore apps, ReleaseStore releases, FormationStore formations, LogHub logs) {
    this.agent = agent;
    this.apps = apps;
    this.releases = releases;
    this.formations = formations;
    this.logs = logs;
  }

  /**
   * Runs the release command, if any, then starts the release's dynos. Marks the release succeeded once they
   * serve, or failed, and then the previous release keeps serving.
   */
  public Future<Release> rollOut(App app, Release release, Consumer<String> progress) {
    return releasePhase(app, release, progress)
        .compose(v -> formations.get(app.id()))
        .compose(scales -> {
          progress.accept("-----> Launching " + release.name());
          return agent.converge(app.name(), DynoPlan.dynos(app.name(), release, scales));
        })
        .compose(
            dynos -> releases.setStatus(release.id(), "succeeded").map(release),
            failure -> releases.setStatus(release.id(), "failed").compose(v -> Future.failedFuture(failure)));
  }

  private Future<Void> releasePhase(App app, Release release, Consumer<String> progress) {
    if (release.releaseCommand() == null) {
      return Future.succeededFuture();
    }
    DynoSpec spec = DynoPlan.releasePhase(app.name(), release);
    progress.accept("-----> Running release command: " + release.releaseCommand());
    return agent.runOnce(spec, line -> {
      progress.accept("       " + line);
      logs.append(app.name(), LogEntry.now(LogEntry.APP, spec.name(), line));
    }).compose(status -> status == 0
        ? Future.succeededFuture()
        : Future.failedFuture(ApiException.invalid("Release command failed with exit status " + status
            + "; " + release.name() + " was not deployed.")));
  }

  /** Converges the app to its desired release at its current formation (after a scale or resize). */
  public Future<Void> converge(App app) {
    return desiredDynos(app).compose(dynos -> agent.converge(app.name(), dynos)).mapEmpty();
  }

  /** The dynos the app should run: its desired release at its formation. */
  public Future<List<DynoSpec>> desiredDynos(App app) {
    return releases.desired(app.id()).compose(release -> formations.get(app.id())
        .map(scales -> release.map(r -> DynoPlan.dynos(app.name(), r, scales)).orElse(List.of())));
  }

  /** Stops everything the app runs. */
  public Future<Void> stop(String app) {
    return agent.converge(app, List.of()).mapEmpty();
  }

  /** One reconcile pass over every app; a pass still running makes this one a no-op. */
  public Future<Void> reconcileAll() {
    if (!passRunning.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return apps.all().compose(all -> {
      Map<String, List<DynoSpec>> desired = new ConcurrentHashMap<>();
      List<Future<?>> lookups = new ArrayList<>();
      for (App app : all) {
        lookups.add(desiredDynos(app).onSuccess(dynos -> desired.put(app.name(), dynos)));
      }
      return Future.all(lookups).compose(v -> agent.convergeAll(desired));
    }).onFailure(e -> LOG.warn("Reconcile pass failed: {}", e.getMessage()))
        .andThen(done -> passRunning.set(false));
  }
}
