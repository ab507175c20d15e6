package io.paas.controller.deploy;

import io.paas.builder.BuildResult;
import io.paas.builder.ControllerPort;
import io.paas.builder.Pusher;
import io.paas.controller.access.AppAccess;
import io.paas.controller.access.Permission;
import io.paas.controller.auth.Accounts;
import io.paas.controller.store.BuildStore;
import io.paas.controller.logs.LogHub;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.store.App;
import io.paas.controller.store.AppGrant;
import io.paas.controller.store.Build;
import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * The controller's side of a git push: who may push (DEPLOY on the app: a viewer is refused with a 403, anyone
 * else without a role gets the 404 of a missing app), build records, and the release that follows a build.
 */
public final class BuilderGateway implements ControllerPort {
  private final Accounts accounts;
  private final AppAccess access;
  private final BuildStore builds;
  private final ReleaseService releases;
  private final AppUrls urls;
  private final LogHub logs;

  public BuilderGateway(Accounts accounts, AppAccess access, BuildStore builds, ReleaseService releases,
                        AppUrls urls, LogHub logs) {
    this.logs = logs;
    this.accounts = accounts;
    this.access = access;
    this.builds = builds;
    this.releases = releases;
    this.urls = urls;
  }

  @Override
  public Future<Pusher> authorize(String token, String app) {
    return accounts.authenticate(token).map(user -> new Pusher(user.id(), user.email()))
        .compose(pusher -> deployable(app, pusher).map(pusher));
  }

  @Override
  public Future<Long> buildStarted(String app, Pusher pusher, String commit) {
    return deployable(app, pusher).compose(a -> builds.insert(a.id(), pusher.userId(), commit));
  }

  @Override
  public Future<Void> buildFinished(long buildId, String status, String image, String output) {
    return builds.finish(buildId, status, image, output)
        .onSuccess(app -> output.lines().forEach(line -> logs.append(app, LogEntry.now(LogEntry.BUILD, "build", line))))
        .mapEmpty();
  }

  @Override
  public Future<String> release(String app, long buildId, BuildResult build, Pusher pusher,
                                Consumer<String> progress) {
    return deployable(app, pusher).compose(a -> builds.get(a.id(), buildId)
        .compose(b -> releases.deploy(a, buildId, b.map(Build::commit).orElse(""), build, pusher.userId(),
            pusher.email(), progress))
        .map(release -> {
          progress.accept("-----> Released " + release.name());
          progress.accept("       " + urls.web(app) + " deployed");
          return release.name();
        }));
  }

  /** Checked again at each step: the pusher may have lost the right while the build ran. */
  private Future<App> deployable(String app, Pusher pusher) {
    return access.find(pusher.userId(), app, Permission.DEPLOY).map(AppGrant::app);
  }
}
