package io.paas.router;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A web dyno stand-in on a free loopback port: remembers the headers it was sent, answers as told. */
record FakeDyno(Backend backend, Queue<MultiMap> received, HttpServer server) {

  /** A dyno that answers every request with its own name. */
  static FakeDyno start(Vertx vertx, String name) {
    return start(vertx, name, request -> request.response().end(name));
  }

  static FakeDyno start(Vertx vertx, String name, Handler<HttpServerRequest> handler) {
    return start(vertx, name, new HttpServerOptions(), handler);
  }

  static FakeDyno start(Vertx vertx, String name, HttpServerOptions options, Handler<HttpServerRequest> handler) {
    Queue<MultiMap> received = new ConcurrentLinkedQueue<>();
    HttpServer server = await(vertx.createHttpServer(options)
        .requestHandler(request -> {
          received.add(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
          handler.handle(request);
        })
        .listen(0, "127.0.0.1"));
    return new FakeDyno(new Backend(name, "127.0.0.1", server.actualPort()), received, server);
  }

  /** A dyno that completes {@code arrived} when a request comes in, and answers with its name once released. */
  static FakeDyno answeringWhen(Vertx vertx, String name, Promise<Void> arrived, Future<Void> release) {
    return start(vertx, name, request -> {
      arrived.tryComplete();
      release.onComplete(v -> request.response().end(name));
    });
  }

  /** A dyno that echoes the text messages of each WebSocket; {@code received} holds the handshakes' headers. */
  static FakeDyno echoingWebSockets(Vertx vertx, String name) {
    Queue<MultiMap> handshakes = new ConcurrentLinkedQueue<>();
    HttpServer server = await(vertx.createHttpServer()
        .webSocketHandler(socket -> {
          handshakes.add(MultiMap.caseInsensitiveMultiMap().addAll(socket.headers()));
          socket.textMessageHandler(socket::writeTextMessage);
        })
        .listen(0, "127.0.0.1"));
    return new FakeDyno(new Backend(name, "127.0.0.1", server.actualPort()), handshakes, server);
  }

  /** A dyno that reads each request whole, then resets the connection (TCP RST) instead of answering. */
  static FakeDyno resetting(Vertx vertx, String name) {
    return start(vertx, name, new HttpServerOptions().setSoLinger(0),
        request -> request.body().onComplete(body -> request.connection().close()));
  }

  /** A backend nobody listens on: a port that was free a moment ago. */
  static Backend refusing(Vertx vertx) {
    FakeDyno gone = start(vertx, "web.down");
    gone.stop();
    return gone.backend();
  }

  /** Stops listening and drops every connection, as a crashed dyno does. */
  void stop() {
    await(server.close());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Timed out", e);
    }
  }
}
