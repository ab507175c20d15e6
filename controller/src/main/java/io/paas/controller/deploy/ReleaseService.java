package io.paas.controller.deploy;

import io.paas.builder.BuildResult;
import io.paas.common.ApiException;
import io.paas.controller.logs.LogHub;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.store.App;
import io.paas.controller.store.Release;
import io.paas.controller.store.ReleaseDraft;
import io.paas.controller.store.ReleaseStore;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The three ways a release is made -- a build, a config change, a rollback -- each recorded, announced in the
 * app's log, and rolled out; each runs the release command, as Heroku's release phase does. A failed rollout
 * leaves the previous release serving.
 */
public final class ReleaseService {
  private final ReleaseStore releases;
  private final Deployer deployer;
  private final LogHub logs;

  public ReleaseService(ReleaseStore releases, Deployer deployer, LogHub logs) {
    this.releases = releases;
    this.deployer = deployer;
    this.logs = logs;
  }

  public Future<Release> deploy(App app, long buildId, String commit, BuildResult build, long userId, String email,
                                Consumer<String> progress) {
    String description = "Deploy " + commit.substring(0, Math.min(7, commit.length()));
    return releases.create(app.id(), lineage -> new ReleaseDraft(buildId, build.image(), description, userId,
            lineage.newest().map(Release::config).orElse(Map.of()), build.processTypes(), build.releaseCommand(),
            addonConfig(lineage)))
        .compose(release -> announceAndRollOut(app, release, email, progress));
  }

  /** Completes with the new config; the release that carries it rolls out before this completes. */
  public Future<Map<String, String>> changeConfig(App app, Map<String, String> changes, long userId, String email) {
    return Future.succeededFuture(changes).compose(checked -> {
      ConfigVars.validate(checked);
      return releases.create(app.id(), lineage -> {
        ConfigVars.refuseAddonKeys(checked.keySet(), addonConfig(lineage).keySet());
        Map<String, String> config = ConfigVars.apply(lineage.newest().map(Release::config).orElse(Map.of()), checked);
        return next(lineage, ConfigVars.describe(checked), userId, config, addonConfig(lineage));
      });
    }).compose(release -> announceAndRollOut(app, release, email, line -> { }).map(release.env()));
  }

  /**
   * A release that changes only the addons' config vars ({@code null} removes a key), as attaching or removing an
   * addon does; the dynos restart with it.
   */
  public Future<Release> changeAddonConfig(App app, Map<String, String> changes, String description, long userId,
                                           String email) {
    return releases.create(app.id(), lineage -> next(lineage, description, userId,
            lineage.newest().map(Release::config).orElse(Map.of()), ConfigVars.apply(addonConfig(lineage), changes)))
        .compose(release -> announceAndRollOut(app, release, email, line -> { }));
  }

  /** A release of what should serve now with other config vars: it keeps its image, if it has one. */
  private static ReleaseDraft next(ReleaseStore.Lineage lineage, String description, long userId,
                                   Map<String, String> config, Map<String, String> addonConfig) {
    Optional<Release> running = lineage.desired().filter(r -> r.image() != null);
    return new ReleaseDraft(null, running.map(Release::image).orElse(null), description, userId, config,
        running.map(Release::processTypes).orElse(Map.of()), running.map(Release::releaseCommand).orElse(null),
        addonConfig);
  }

  /**
   * A new release with vN's image, config, process types and release command, which runs again as on Heroku:
   * a migration written for vN's code sees vN's config. Addons are not rolled back: their config vars stay those of
   * the addons attached now, since an addon removed since vN no longer exists.
   */
  public Future<Release> rollback(App app, int version, long userId, String email) {
    return releases.get(app.id(), version).compose(target -> {
      Release to = target.orElseThrow(() -> ApiException.notFound("Couldn't find release v" + version + "."));
      if (to.image() == null || to.status().equals("failed")) {
        throw ApiException.invalid(to.name() + " never ran; roll back to a release that served.");
      }
      return releases.create(app.id(), lineage -> new ReleaseDraft(to.buildId(), to.image(),
          "Rollback to " + to.name(), userId, to.config(), to.processTypes(), to.releaseCommand(),
          addonConfig(lineage)));
    }).compose(release -> announceAndRollOut(app, release, email, line -> { }));
  }

  public Future<Map<String, String>> config(App app) {
    return releases.newest(app.id()).map(newest -> newest.map(Release::env).orElse(Map.of()));
  }

  private static Map<String, String> addonConfig(ReleaseStore.Lineage lineage) {
    return lineage.newest().map(Release::addonConfig).orElse(Map.of());
  }

  private Future<Release> announceAndRollOut(App app, Release release, String email, Consumer<String> progress) {
    api(app, release.description() + " by user " + email);
    api(app, "Release " + release.name() + " created by user " + email);
    if (release.image() == null) {
      return Future.succeededFuture(release);
    }
    return deployer.rollOut(app, release, progress)
        .onFailure(e -> api(app, "Release " + release.name() + " failed: " + e.getMessage()));
  }

  private void api(App app, String text) {
    logs.append(app.name(), LogEntry.now(LogEntry.PLATFORM, "api", text));
  }
}
