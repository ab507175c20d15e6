package io.paas.controller.logs;

import io.paas.router.RoutedRequest;
import io.paas.router.RouterLog;

/** The router's request lines, in-process or posted by a standalone router, as {@code heroku[router]} lines. */
public final class RouterLines implements RouterLog {
  private final LogHub logs;

  public RouterLines(LogHub logs) {
    this.logs = logs;
  }

  @Override
  public void request(RoutedRequest request) {
    logs.append(request.app(), LogEntry.now(LogEntry.ROUTER, "router", request.text()));
  }
}
