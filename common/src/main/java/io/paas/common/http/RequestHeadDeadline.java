package io.paas.common.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes a connection on which no request is under way for a whole deadline: from its opening, and again from the
 * end of its last response, a client has that long to send a complete request head. A client trickling a header
 * byte at a time (slowloris), one that connects and says nothing, and an idle kept-alive connection all hold a
 * socket no longer than that; a request being answered (a long poll, a log stream, a push, a WebSocket) is never
 * cut. Vert.x has
 * an idle timeout but no header timeout, and an idle timeout would both miss a trickle and cut quiet streams.
 * Connections are looked at once per deadline, so an idle one goes after one to two deadlines.
 */
public final class RequestHeadDeadline {
  private final Vertx vertx;
  private final long deadlineMillis;
  private final Map<HttpConnection, Watch> watches = new ConcurrentHashMap<>();

  private RequestHeadDeadline(Vertx vertx, Duration deadline) {
    this.vertx = vertx;
    this.deadlineMillis = deadline.toMillis();
  }

  /** Makes {@code server} hand its requests to {@code handler} and hold its connections to the deadline. */
  public static HttpServer serve(Vertx vertx, HttpServer server, Duration deadline,
      Handler<HttpServerRequest> handler) {
    RequestHeadDeadline guard = new RequestHeadDeadline(vertx, deadline);
    return server.connectionHandler(guard::opened).requestHandler(request -> {
      guard.started(request);
      handler.handle(request);
    });
  }

  /** Requests of one connection: whether one began since the last look, and those not answered yet. */
  private static final class Watch {
    boolean began;
    final List<HttpServerRequest> open = new ArrayList<>();

    boolean idle() {
      open.removeIf(RequestHeadDeadline::answered);
      boolean idle = !began && open.isEmpty();
      began = false;
      return idle;
    }
  }

  /** Answered, unless it switched protocols: a WebSocket is under way for as long as its connection lives. */
  private static boolean answered(HttpServerRequest request) {
    boolean ended = request.response().ended() || request.response().closed();
    return ended && request.response().getStatusCode() != 101;
  }

  private void opened(HttpConnection connection) {
    Watch watch = new Watch();
    watches.put(connection, watch);
    long timer = vertx.setPeriodic(deadlineMillis, id -> {
      if (watch.idle()) {
        connection.close();
      }
    });
    connection.closeHandler(v -> {
      vertx.cancelTimer(timer);
      watches.remove(connection);
    });
  }

  private void started(HttpServerRequest request) {
    Watch watch = watches.get(request.connection());
    if (watch != null) {
      watch.began = true;
      // Pruned on every request, not only once per deadline: a busy kept-alive connection would otherwise hold
      // every request it served in that time, and the garbage stalls the event loop.
      watch.open.removeIf(RequestHeadDeadline::answered);
      watch.open.add(request);
    }
  }
}
