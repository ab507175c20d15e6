package io.paas.router.remote;

import io.paas.router.RoutedRequest;
import io.vertx.core.json.JsonObject;

/**
 * The JSON form in which a standalone router posts its requests to the controller:
 * {@code {"app", "text", "status", "service_ms"}}, {@code service_ms} null when no dyno got the request. Written
 * field by field: the protocol is a contract.
 */
public final class RequestJson {
  private RequestJson() {
  }

  public static JsonObject write(RoutedRequest request) {
    return new JsonObject().put("app", request.app()).put("text", request.text()).put("status", request.status())
        .put("service_ms", request.serviceMillis() == RoutedRequest.NOT_SERVED ? null : request.serviceMillis());
  }

  /** Fails with an {@link IllegalArgumentException} on anything that is not such an object. */
  public static RoutedRequest read(Object json) {
    if (json instanceof JsonObject request && request.getValue("app") instanceof String app
        && request.getValue("text") instanceof String text && request.getValue("status") instanceof Integer status
        && (request.getValue("service_ms") == null || request.getValue("service_ms") instanceof Number)) {
      Number service = (Number) request.getValue("service_ms");
      return new RoutedRequest(app, text, status, service == null ? RoutedRequest.NOT_SERVED : service.longValue());
    }
    throw new IllegalArgumentException("A routed request is {\"app\", \"text\", \"status\", \"service_ms\"}.");
  }
}
