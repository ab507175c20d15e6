package io.paas.common.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * HTTP+JSON calls from a part of the cluster (an agent, a router) to one of the controller's protocol roots
 * ({@code /agent-api}, {@code /router-api}), authenticated with the cluster token. Those parts always dial out; the
 * controller never calls them.
 */
public final class ControllerCalls {
  private final WebClient http;
  private final String base;
  private final String token;

  /** {@code root}: the protocol's path, e.g. {@code /agent-api}. */
  public ControllerCalls(Vertx vertx, String controllerUrl, String root, String token) {
    this.http = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true));
    this.base = controllerUrl.replaceAll("/+$", "") + root;
    this.token = token;
  }

  /**
   * Completes with the answer's JSON object (empty for an empty body), or fails with {@link ControllerRefused} on a
   * status other than 2xx. {@code body}, if given, is sent as JSON.
   */
  public Future<JsonObject> call(HttpMethod method, String path, long timeoutMillis, Object body) {
    HttpRequest<Buffer> request = http.requestAbs(method, base + path)
        .putHeader("Authorization", "Bearer " + token)
        .timeout(timeoutMillis);
    Future<HttpResponse<Buffer>> sent = body == null ? request.send()
        : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body.toString()));
    return sent.compose(response -> {
      if (response.statusCode() / 100 != 2) {
        return Future.failedFuture(new ControllerRefused(response.statusCode(), response.bodyAsString()));
      }
      Buffer payload = response.body();
      return Future.succeededFuture(payload == null || payload.length() == 0 ? new JsonObject()
          : payload.toJsonObject());
    });
  }

  /** The controller answered, with an error status. */
  public static final class ControllerRefused extends RuntimeException {
    private final int status;

    ControllerRefused(int status, String body) {
      super("Controller answered " + status + (body == null || body.isBlank() ? "" : ": " + body));
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
