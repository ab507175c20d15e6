package io.paas.router;

import static io.paas.router.FakeDyno.await;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A router on a free loopback port for each test, a client for it, and the requests it reported. */
@ExtendWith(VertxExtension.class)
abstract class RouterFixture {
  protected Vertx vertx;
  protected RoutingTable table;
  protected RouterServer router;
  protected int routerPort;
  protected HttpClient client;
  private WebSocketClient webSockets;
  private final BlockingQueue<RoutedRequest> logLines = new LinkedBlockingQueue<>();

  record Reply(int status, MultiMap headers, String body) {
  }

  /** The options the router starts with; tests of limits and timings choose their own. */
  protected RouterOptions options() {
    return RouterOptions.defaults("paas.test");
  }

  @BeforeEach
  void startRouter(Vertx vertx) {
    this.vertx = vertx;
    table = new RoutingTable();
    router = new RouterServer(vertx, table, options(), logLines::add);
    routerPort = await(router.listen("127.0.0.1", 0));
    client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(16));
    webSockets = vertx.createWebSocketClient();
  }

  @AfterEach
  void stopRouter() {
    await(client.close());
    await(webSockets.close());
    await(router.close());
  }

  /** The next request the router reported; it is reported as the response ends, so it may come just after it. */
  protected RoutedRequest nextLogLine() {
    try {
      RoutedRequest line = logLines.poll(10, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("No router log line within 10 s");
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  protected RequestOptions to(String host) {
    return to(host, 80);
  }

  protected RequestOptions to(String host, int port) {
    return to(routerPort, host, port);
  }

  protected static RequestOptions to(int listenerPort, String host, int port) {
    return new RequestOptions()
        .setServer(SocketAddress.inetSocketAddress(listenerPort, "127.0.0.1"))
        .setHost(host)
        .setPort(port)
        .setURI("/");
  }

  protected Future<WebSocket> connectWebSocket(String host) {
    return webSockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(routerPort)
        .setURI("/socket").putHeader("Host", host));
  }

  protected Reply send(RequestOptions options) {
    return send(options, Buffer.buffer());
  }

  protected Reply send(RequestOptions options, Buffer body) {
    return await(sendAsync(options, body));
  }

  protected Future<Reply> sendAsync(RequestOptions options, Buffer body) {
    return client.request(options)
        .compose(request -> request.send(body))
        .compose(response -> response.body()
            .map(received -> new Reply(response.statusCode(), response.headers(), received.toString())));
  }
}
