package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.access.Permission;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogFilter;
import io.paas.controller.logs.LogHub;
import io.paas.controller.store.App;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * An app's log as plain text in Heroku's line format, or as Server-Sent Events (one per line) when the request
 * accepts {@code text/event-stream}; with {@code tail=true} the response stays open and new lines follow. A reader
 * that cannot keep up loses lines rather than growing the server's memory.
 */
final class LogsApi {
  private static final int DEFAULT_LINES = 100;
  private static final Duration KEEPALIVE = Duration.ofSeconds(15);

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
    boolean events = wantsEvents(ctx.request().getHeader("Accept"));
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", events ? "text/event-stream; charset=utf-8" : "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-cache");
    Function<LogEntry, String> frame = events ? LogsApi::event : line -> line.format() + "\n";
    if (!tail) {
      StringBuilder text = new StringBuilder();
      logs.recent(app.name(), lines, filter).forEach(line -> text.append(frame.apply(line)));
      response.end(text.toString());
      return;
    }
    Context context = ctx.vertx().getOrCreateContext();
    Runnable unfollow = logs.follow(app.name(), lines, filter,
        line -> context.runOnContext(v -> write(response, frame.apply(line))));
    Runnable stop = events ? keepAlive(ctx.vertx(), response, unfollow) : unfollow;
    response.closeHandler(v -> stop.run());
    response.endHandler(v -> stop.run());
    response.write("");
  }

  /** A comment now and then keeps proxies and the browser from taking a quiet stream for a dead one. */
  private static Runnable keepAlive(Vertx vertx, HttpServerResponse response, Runnable unfollow) {
    long timer = vertx.setPeriodic(KEEPALIVE.toMillis(), id -> write(response, ": keepalive\n\n"));
    return () -> {
      unfollow.run();
      vertx.cancelTimer(timer);
    };
  }

  /** Whether the client asked for Server-Sent Events (as the console does) rather than plain lines. */
  private static boolean wantsEvents(String accept) {
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
  }

  /** One event per line; a line break inside would end the field, so each piece is a data field of its own. */
  private static String event(LogEntry line) {
    StringBuilder event = new StringBuilder();
    for (String piece : line.format().split("\r\n|\r|\n", -1)) {
      event.append("data: ").append(piece).append('\n');
    }
    return event.append('\n').toString();
  }

  private static void write(HttpServerResponse response, String text) {
    if (!response.ended() && !response.closed() && !response.writeQueueFull()) {
      response.write(text);
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
