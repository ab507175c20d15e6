package io.paas.agent.remote;

import io.vertx.core.Future;
import java.util.List;

/** A one-off dyno's output, posted to the controller line by line and in order. */
final class JobOutput {
  private final ControllerClient controller;
  private final String jobId;
  private Future<Void> last = Future.succeededFuture();

  JobOutput(ControllerClient controller, String jobId) {
    this.controller = controller;
    this.jobId = jobId;
  }

  /** Called from a Docker thread; each post waits for the one before, so lines keep their order. */
  synchronized void line(String line) {
    last = last.transform(previous -> controller.jobOutput(jobId, List.of(line)));
  }

  synchronized Future<Void> flushed() {
    return last.recover(e -> Future.succeededFuture());
  }
}
