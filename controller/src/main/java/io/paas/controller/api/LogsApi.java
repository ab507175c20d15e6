package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.access.Permission;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogFilter;
import io.paas.controller.logs.LogHub;
import io.paas.controller.store.App;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * An app's log as plain text in Heroku's line format; with {@code tail=true} the response stays open and new
 * lines follow. A reader that cannot keep up loses lines rather than growing the server's memory.
 */
final class LogsApi {
  private static final int DEFAULT_LINES = 100;

  private final Guard guard;
  private final LogHub logs;
  private final int maxLines;

  LogsApi(Guard guard, LogHub logs, int maxLines) {
    this.guard = guard;
    this.logs = logs;
    this.maxLines = maxLines;
  }

  void mount(Router router) {
    router.get("/apps/:app/logs").handler(guard.app(Permission.READ)).handler(this::logs);
  }

  private void logs(RoutingContext ctx) {
    int lines = lines(ctx.queryParams().get("lines"));
    boolean tail = flag(ctx.queryParams().get("tail"));
    LogFilter filter = new LogFilter(ctx.queryParams().get("source"), ctx.queryParams().get("dyno"));
    App app = Guard.app(ctx);
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-cache");
    if (!tail) {
      StringBuilder text = new StringBuilder();
      logs.recent(app.name(), lines, filter).forEach(line -> text.append(line.format()).append('\n'));
      response.end(text.toString());
      return;
    }
    Context context = ctx.vertx().getOrCreateContext();
    Runnable stop = logs.follow(app.name(), lines, filter, line -> context.runOnContext(v -> write(response, line)));
    response.closeHandler(v -> stop.run());
    response.endHandler(v -> stop.run());
    response.write("");
  }

  private static void write(HttpServerResponse response, LogEntry line) {
    if (!response.ended() && !response.closed() && !response.writeQueueFull()) {
      response.write(line.format() + "\n");
    }
  }

  private int lines(String value) {
    if (value == null) {
      return DEFAULT_LINES;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 0 && n <= maxLines) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid("lines must be a number from 0 to " + maxLines + ".");
  }

  private static boolean flag(String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw ApiException.invalid("tail must be true or false.");
  }
}
