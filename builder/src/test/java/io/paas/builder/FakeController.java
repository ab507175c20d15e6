package io.paas.builder;

import io.paas.common.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A controller that knows a few apps and one token, records what the builder tells it, and releases as v1. */
final class FakeController implements ControllerPort {
  static final String TOKEN = "good";
  static final Pusher PUSHER = new Pusher(7, "dev@example.com", "127.0.0.1");

  record Started(String app, String commit) {
  }

  record Finished(long buildId, String status, String image, String output) {
  }

  record Released(String app, long buildId, BuildResult build) {
  }

  final List<Started> started = new CopyOnWriteArrayList<>();
  final List<Finished> finished = new CopyOnWriteArrayList<>();
  final List<Released> released = new CopyOnWriteArrayList<>();

  private final Vertx vertx;
  private final Set<String> apps = ConcurrentHashMap.newKeySet();
  private final AtomicLong buildIds = new AtomicLong();
  private final Map<String, Promise<Void>> releaseBegun = new ConcurrentHashMap<>();
  private final Map<String, Future<Void>> releaseHolds = new ConcurrentHashMap<>();
  private volatile String releaseFailure;

  FakeController(Vertx vertx) {
    this.vertx = vertx;
  }

  void addApp(String app) {
    apps.add(app);
  }

  void failReleasesWith(String reason) {
    releaseFailure = reason;
  }

  /** Releases of {@code app} end only once {@code until} has completed. */
  void holdRelease(String app, Future<Void> until) {
    releaseHolds.put(app, until);
  }

  /** Completes when a release of the app has begun. */
  Future<Void> releaseBegun(String app) {
    return begun(app).future();
  }

  @Override
  public Future<Pusher> authorize(String token, String app, String address) {
    if (!TOKEN.equals(token)) {
      return Future.failedFuture(ApiException.unauthorized("Invalid credentials."));
    }
    return apps.contains(app) ? Future.succeededFuture(PUSHER)
        : Future.failedFuture(ApiException.notFound("Couldn't find that app."));
  }

  @Override
  public Future<Long> buildStarted(String app, Pusher pusher, String commit) {
    started.add(new Started(app, commit));
    return Future.succeededFuture(buildIds.incrementAndGet());
  }

  @Override
  public Future<Void> buildFinished(long buildId, String status, String image, String output) {
    finished.add(new Finished(buildId, status, image, output));
    return Future.succeededFuture();
  }

  @Override
  public Future<String> release(String app, long buildId, BuildResult build, Pusher pusher,
                                Consumer<String> progress) {
    String image = build.image();
    released.add(new Released(app, buildId, build));
    begun(app).tryComplete();
    // Progress comes from the event loop, as it does from the real controller.
    return releaseHolds.getOrDefault(app, Future.succeededFuture()).compose(v -> {
      Promise<String> done = Promise.promise();
      vertx.runOnContext(x -> {
        progress.accept("-----> Releasing " + image + " (fake)");
        if (releaseFailure != null) {
          done.fail(new ApiException(422, "release_failed", releaseFailure));
        } else {
          progress.accept("       http://" + app + ".localhost deployed");
          done.complete("v1");
        }
      });
      return done.future();
    });
  }

  private Promise<Void> begun(String app) {
    return releaseBegun.computeIfAbsent(app, a -> Promise.promise());
  }
}
