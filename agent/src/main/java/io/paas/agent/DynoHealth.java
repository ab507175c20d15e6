package io.paas.agent;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a freshly started dyno can take traffic. A web dyno is up once it answers the {@link HealthCheck} on its
 * published port: a bare TCP connect proves nothing, because Docker's userland proxy accepts on the published port
 * before anything listens inside the container, then closes. The probe is written on a raw socket so sloppy HTTP
 * (busybox httpd sends a body with HEAD) and refused attempts neither fail the probe nor flood the log. Other process
 * types take no traffic: up once running.
 */
final class DynoHealth {
  private static final long POLL_MILLIS = 100;
  private static final int LOG_LINES = 20;

  private final Vertx vertx;
  private final NetClient net;
  private final WorkerExecutor docker;
  private final DynoRuntime runtime;
  private final Duration timeout;

  DynoHealth(Vertx vertx, WorkerExecutor docker, DynoRuntime runtime, Duration timeout) {
    this.vertx = vertx;
    this.net = vertx.createNetClient();
    this.docker = docker;
    this.runtime = runtime;
    this.timeout = timeout;
  }

  /**
   * Completes with the dyno once it is up, checked at {@code healthCheckPath} (null for the default check); fails
   * with its last output once it exits or the timeout passes.
   */
  Future<Dyno> awaitUp(Dyno started, String healthCheckPath) {
    if (!Agent.WEB.equals(started.type())) {
      return started.running() ? Future.succeededFuture(started) : failWithLogs(started, started.name() + " exited");
    }
    Promise<Dyno> up = Promise.promise();
    attempt(started, new HealthCheck(healthCheckPath), System.nanoTime() + timeout.toNanos(), null, up);
    return up.future();
  }

  /** {@code lastAnswer} is the status the dyno last answered with, null while it answered nothing. */
  private void attempt(Dyno dyno, HealthCheck check, long deadline, String lastAnswer, Promise<Dyno> up) {
    answers(dyno, check, deadline)
        .onSuccess(answered -> up.complete(dyno))
        .onFailure(notYet -> observe(dyno).onComplete(observed -> {
          String answer = notYet instanceof NotUp verdict ? verdict.getMessage() : lastAnswer;
          if (observed.failed()) {
            up.fail(observed.cause());
          } else if (observed.result().filter(Dyno::running).isEmpty()) {
            failWithLogs(dyno, dyno.name() + " exited").onComplete(up);
          } else if (System.nanoTime() - deadline >= 0) {
            failWithLogs(dyno, "%s did not %s within %d s%s".formatted(dyno.name(), check.expectation(),
                timeout.toSeconds(), answer == null ? "" : " (last answer: " + answer + ")")).onComplete(up);
          } else {
            vertx.timer(POLL_MILLIS).onComplete(t -> attempt(observed.result().get(), check, deadline, answer, up));
          }
        }));
  }

  /** One probe; it may wait until the deadline for a slow first answer. */
  private Future<Void> answers(Dyno dyno, HealthCheck check, long deadline) {
    if (dyno.port() == 0) {
      return Future.failedFuture("no published port");
    }
    long waitMillis = Math.max(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    return net.connect(dyno.port(), dyno.host()).compose(socket -> {
      Promise<Void> answered = Promise.promise();
      Buffer received = Buffer.buffer();
      socket.handler(bytes -> check.judge(received.appendBuffer(bytes)).ifPresent(verdict -> {
        if (verdict.up()) {
          answered.tryComplete();
        } else {
          answered.tryFail(new NotUp(verdict.answer()));
        }
      }));
      socket.exceptionHandler(answered::tryFail);
      socket.closeHandler(closed -> answered.tryFail("closed without answering"));
      socket.write(check.request());
      return answered.future().timeout(waitMillis, TimeUnit.MILLISECONDS).eventually(socket::close);
    });
  }

  /** The dyno as the engine sees it now; empty once its container is gone. */
  private Future<Optional<Dyno>> observe(Dyno dyno) {
    return docker.executeBlocking(() -> runtime.list().stream()
        .filter(d -> d.containerId().equals(dyno.containerId()))
        .findFirst(), false);
  }

  private Future<Dyno> failWithLogs(Dyno dyno, String what) {
    return docker.executeBlocking(() -> runtime.logTail(dyno.containerId(), LOG_LINES), false)
        .transform(logs -> {
          String output = logs.succeeded() && !logs.result().isBlank() ? logs.result().strip() : "(no output)";
          return Future.failedFuture(new VertxException(what + ": " + output, true));
        });
  }

  /** The dyno answered, but not as the check wants; the message is what it answered. */
  private static final class NotUp extends VertxException {
    NotUp(String answer) {
      super(answer, true);
    }
  }
}
