package io.paas.router.tls;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Caddy's admin API on 127.0.0.1: readiness, {@code POST /load} and the internal CA's root certificate. */
final class CaddyAdmin {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
  private static final long POLL_INTERVAL_MS = 100;
  private static final long REQUEST_TIMEOUT_MS = 30_000;

  private final Vertx vertx;
  private final HttpClient client;
  private final int port;

  CaddyAdmin(Vertx vertx, HttpClient client, int port) {
    this.vertx = vertx;
    this.client = client;
    this.port = port;
  }

  /** Completes once the admin API answers; fails if caddy exits first or does not answer in time. */
  Future<Void> awaitReady(Future<Integer> exited) {
    return poll(exited, System.nanoTime() + READY_TIMEOUT.toNanos());
  }

  /** Replaces Caddy's whole config; fails with Caddy's own message if it rejects it, and Caddy keeps the old one. */
  Future<Void> load(JsonObject config) {
    return call(HttpMethod.POST, "/load", config.toBuffer()).mapEmpty();
  }

  /** The PEM of the internal CA's root, the one certificate a client needs to trust what Caddy serves. */
  Future<String> rootCertificatePem() {
    return call(HttpMethod.GET, "/pki/ca/local", null)
        .map(body -> body.toJsonObject().getString("root_certificate"));
  }

  private Future<Void> poll(Future<Integer> exited, long deadline) {
    return call(HttpMethod.GET, "/config/", null).<Void>mapEmpty().recover(notYet -> {
      if (exited.isComplete()) {
        return Future.failedFuture("caddy exited with status " + exited.result()
            + " before its admin API answered (its log says why)");
      }
      if (System.nanoTime() > deadline) {
        return Future.failedFuture("caddy's admin API on port " + port + " did not answer within " + READY_TIMEOUT
            + ": " + notYet.getMessage());
      }
      return vertx.timer(POLL_INTERVAL_MS).compose(tick -> poll(exited, deadline));
    });
  }

  private Future<Buffer> call(HttpMethod method, String uri, Buffer body) {
    RequestOptions request = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(uri)
        .setIdleTimeout(REQUEST_TIMEOUT_MS)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    return client.request(request)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(response -> response.body().compose(answer -> response.statusCode() == 200
            ? Future.succeededFuture(answer)
            : Future.failedFuture("caddy answered " + method + " " + uri + " with " + response.statusCode() + ": "
                + errorOf(answer))));
  }

  /** Caddy explains a refusal as {@code {"error": "..."}}. */
  private static String errorOf(Buffer answer) {
    try {
      return answer.toJsonObject().getString("error", answer.toString());
    } catch (DecodeException notJson) {
      return answer.toString();
    }
  }
}
