package io.paas.controller.deploy;

import io.paas.builder.BuildResult;
import io.paas.builder.ControllerPort;
import io.paas.builder.Pusher;
import io.paas.controller.auth.ApiTokens;
import io.paas.controller.store.BuildStore;
import io.paas.controller.logs.LogHub;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.store.Build;
import io.paas.controller.store.TokenOwner;
import io.vertx.core.Future;
import java.util.function.Consumer;

/** The controller's side of a git push: who may push, build records, and the release that follows a build. */
public final class BuilderGateway implements ControllerPort {
  private final ApiTokens tokens;
  private final AppAccess access;
  private final BuildStore builds;
  private final ReleaseService releases;
  private final AppUrls urls;
  private final LogHub logs;

  public BuilderGateway(ApiTokens tokens, AppAccess access, BuildStore builds, ReleaseService releases,
                        AppUrls urls, LogHub logs) {
    this.logs = logs;
    this.tokens = tokens;
    this.access = access;
    this.builds = builds;
    this.releases = releases;
    this.urls = urls;
  }

  @Override
  public Future<Pusher> authorize(String token, String app) {
    return tokens.authenticate(token).map(TokenOwner::user)
        .compose(user -> access.find(user.id(), app).map(a -> new Pusher(user.id(), user.email())));
  }

  @Override
  public Future<Long> buildStarted(String app, Pusher pusher, String commit) {
    return access.find(pusher.userId(), app).compose(a -> builds.insert(a.id(), pusher.userId(), commit));
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
    return access.find(pusher.userId(), app).compose(a -> builds.get(a.id(), buildId)
        .compose(b -> releases.deploy(a, buildId, b.map(Build::commit).orElse(""), build, pusher.userId(),
            pusher.email(), progress))
        .map(release -> {
          progress.accept("-----> Released " + release.name());
          progress.accept("       " + urls.web(app) + " deployed");
          return release.name();
        }));
  }
}
