package io.paas.router.remote;

import io.paas.router.RoutingSnapshot;
import io.paas.router.remote.TableJson.Versioned;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The controller's {@code /router-api} as a router sees it: a long-polled table it publishes, and a log it takes. */
final class FakeController implements AutoCloseable {
  static final String TOKEN = "cluster-token";
  private static final String EPOCH = "epoch-1";

  final List<JsonArray> logBatches = new CopyOnWriteArrayList<>();
  private final List<HttpServerRequest> waiting = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private volatile RoutingSnapshot table;

  FakeController(Vertx vertx, RoutingSnapshot table) throws Exception {
    this.table = table;
    this.server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** A new table, answered to every router waiting for one. */
  void publish(RoutingSnapshot next) {
    table = next;
    List<HttpServerRequest> answered = List.copyOf(waiting);
    waiting.removeAll(answered);
    answered.forEach(this::answer);
  }

  private void handle(HttpServerRequest request) {
    if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
      request.response().setStatusCode(401).end();
    } else if (request.path().equals("/router-api/logs")) {
      request.body().onSuccess(body -> {
        logBatches.add(body.toJsonArray());
        request.response().end("{}");
      });
    } else if (EPOCH.equals(request.getParam("epoch"))
        && Long.parseLong(request.getParam("after")) >= table.version()) {
      waiting.add(request);
    } else {
      answer(request);
    }
  }

  private void answer(HttpServerRequest request) {
    request.response().end(TableJson.write(new Versioned(EPOCH, table)).encode());
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
