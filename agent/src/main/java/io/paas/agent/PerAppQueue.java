package io.paas.agent;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Runs tasks for the same app one after another, whatever the outcome of the one before, and different apps side by side. */
final class PerAppQueue {
  private final Map<String, Future<?>> tails = new HashMap<>();

  <T> Future<T> submit(String app, Supplier<Future<T>> task) {
    Promise<T> done = Promise.promise();
    Future<?> previous;
    synchronized (this) {
      previous = tails.getOrDefault(app, Future.succeededFuture());
      tails.put(app, done.future());
    }
    done.future().onComplete(ignored -> release(app, done.future()));
    previous.transform(ignored -> task.get()).onComplete(done);
    return done.future();
  }

  /** Forgets the app once its last task is done, so the map holds only apps with work in flight. */
  private synchronized void release(String app, Future<?> finished) {
    tails.remove(app, finished);
  }
}
