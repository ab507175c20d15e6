package io.paas.agent;

import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks a test thread on a Vert.x future, with a deadline so a hang fails the test instead of the build. */
final class Futures {
  private static final long TIMEOUT_SECONDS = 120;

  private Futures() {
  }

  static <T> T result(Future<T> future) throws InterruptedException, TimeoutException {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("Expected success but failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  static Throwable failure(Future<?> future) throws InterruptedException, TimeoutException {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return fail("Expected a failure but got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
