package io.paas.controller.deploy;

import io.paas.builder.BuildResult;
import io.paas.builder.ControllerPort;
import io.paas.builder.Pusher;
import io.paas.controller.access.AppAccess;
import io.paas.controller.access.Permission;
import io.paas.controller.audit.Actor;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.auth.ApiTokens;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.quota.Quota;
import io.paas.controller.quota.QuotaSubject;
import io.paas.controller.quota.Quotas;
import io.paas.controller.store.App;
import io.paas.controller.store.AppGrant;
import io.paas.controller.store.Build;
import io.paas.controller.store.BuildStore;
import io.paas.controller.store.Release;
import io.paas.controller.store.TokenOwner;
import io.vertx.core.Future;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The controller's side of a git push: who may push (DEPLOY on the app: a viewer is refused with a 403, anyone
 * else without a role gets the 404 of a missing app), build records (each counted against the app's builds quota
 * while it runs), and the release that follows a build, which the audit log records.
 */
public final class BuilderGateway implements ControllerPort {
  private final ApiTokens tokens;
  private final AppAccess access;
  private final BuildStore builds;
  private final ReleaseService releases;
  private final AppUrls urls;
  private final LogHub logs;
  private final Quotas quotas;
  private final AuditLog audit;

  public BuilderGateway(ApiTokens tokens, AppAccess access, BuildStore builds, ReleaseService releases,
                        AppUrls urls, LogHub logs, Quotas quotas, AuditLog audit) {
    this.logs = logs;
    this.tokens = tokens;
    this.access = access;
    this.builds = builds;
    this.releases = releases;
    this.urls = urls;
    this.quotas = quotas;
    this.audit = audit;
  }

  @Override
  public Future<Pusher> authorize(String token, String app, String address) {
    return tokens.authenticate(token).map(TokenOwner::user)
        .map(user -> new Pusher(user.id(), user.email(), address))
        .compose(pusher -> deployable(app, pusher).map(pusher));
  }

  @Override
  public Future<Long> buildStarted(String app, Pusher pusher, String commit) {
    return deployable(app, pusher).compose(a -> quotas.admitOne(QuotaSubject.of(a), Quota.BUILDS,
        () -> builds.insert(a.id(), pusher.userId(), commit)));
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
        .compose(b -> {
          String commit = b.map(Build::commit).orElse("");
          Future<Release> deployed = releases.deploy(a, buildId, commit, build, pusher.userId(), pusher.email(),
              progress);
          // A release that fails to roll out was made all the same: it is recorded too.
          return deployed.transform(done -> audit.record(new Actor(pusher.userId(), pusher.email(),
                  pusher.address()), AuditAction.DEPLOY, app, done.succeeded()
                  ? Map.of("commit", commit, "release", done.result().name())
                  : Map.of("commit", commit, "failed", true)))
              .compose(v -> deployed);
        })
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
