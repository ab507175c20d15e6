package io.paas.controller.logs.drains;

import io.paas.controller.logs.LogEntry;
import io.paas.controller.store.LogDrain;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An {@code https://} drain: lines posted in Logplex batches, one post at a time, each sent once it holds
 * {@code batchLines} lines or its first line has waited {@code batchWait}. A 2xx answer delivers the batch; anything
 * else puts its lines back in front of the buffer and the post is retried after a backoff.
 */
final class HttpsSender extends DrainSender {
  private static final int TIMEOUT_MS = 30_000;

  private final TrustOptions trust;
  private HttpClient client;
  /** A post in flight or waiting to be retried: new lines only join the buffer meanwhile. */
  private boolean busy;
  private long batchTimer = -1;

  HttpsSender(LogDrain drain, DrainUrl url, DrainAddresses addresses, DrainLimits limits, TrustOptions trust) {
    super(drain, url, addresses, limits);
    this.trust = trust;
  }

  @Override
  protected void begin() {
    client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setTrustOptions(trust).setVerifyHost(true));
    send();
  }

  @Override
  protected void send() {
    if (busy) {
      return;
    }
    if (buffer.size() >= limits.batchLines()) {
      post();
    } else if (buffer.size() > 0 && batchTimer == -1) {
      batchTimer = vertx.setTimer(limits.batchWait().toMillis(), id -> post());
    }
  }

  private void post() {
    vertx.cancelTimer(batchTimer);
    batchTimer = -1;
    List<LogEntry> lines = buffer.take(limits.batchLines());
    if (lines.isEmpty()) {
      return;
    }
    busy = true;
    LogplexBatch batch = new LogplexBatch(lines, drain.token(), UUID.randomUUID().toString());
    address().compose(server -> client.request(request(server, batch)))
        .compose(request -> request.send(batch.body()))
        .compose(HttpsSender::accepted)
        .onSuccess(v -> {
          busy = false;
          delivering();
          send();
        })
        .onFailure(failure -> {
          buffer.putBack(lines);
          retry(failure, () -> {
            busy = false;
            post();
          });
        });
  }

  /** To the checked address, with the drain's host name as the Host header and for TLS. */
  private RequestOptions request(SocketAddress server, LogplexBatch batch) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setServer(server)
        .setHost(url.host()).setPort(url.port()).setURI(url.requestUri()).setTimeout(TIMEOUT_MS);
    batch.headers().forEach(options::putHeader);
    if (url.userInfo() != null) {
      options.putHeader("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(url.userInfo().getBytes(StandardCharsets.UTF_8)));
    }
    return options;
  }

  private static Future<Void> accepted(HttpClientResponse response) {
    return response.body().compose(body -> response.statusCode() / 100 == 2 ? Future.succeededFuture()
        : Future.failedFuture(new VertxException("the receiver answered HTTP " + response.statusCode(), true)));
  }
}
