package io.paas.router.remote;

import io.paas.common.cluster.ControllerCalls;
import io.paas.router.RoutedRequest;
import io.paas.router.remote.TableJson.Versioned;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The router's side of the controller's {@code /router-api}: long-poll the table, post the requests it routed. */
public final class RouterApiClient {
  /** The controller answers a long-poll within about 25 s; a little more before giving up on it. */
  private static final long POLL_TIMEOUT_MILLIS = 40_000;
  private static final long CALL_TIMEOUT_MILLIS = 10_000;

  private final ControllerCalls calls;

  public RouterApiClient(Vertx vertx, String controllerUrl, String token) {
    this.calls = new ControllerCalls(vertx, controllerUrl, "/router-api", token);
  }

  /**
   * The controller's table once it differs from the one named ({@code epoch} null for none): at once if it does
   * already, else when it changes or after about 25 s.
   */
  public Future<Versioned> table(String epoch, long after) {
    String query = "?after=" + after + (epoch == null ? "" : "&epoch=" + URLEncoder.encode(epoch,
        StandardCharsets.UTF_8));
    return calls.call(HttpMethod.GET, "/table" + query, POLL_TIMEOUT_MILLIS, null).map(TableJson::read);
  }

  public Future<Void> logs(List<RoutedRequest> requests) {
    return calls.call(HttpMethod.POST, "/logs", CALL_TIMEOUT_MILLIS,
        new JsonArray(requests.stream().map(RequestJson::write).toList())).mapEmpty();
  }
}
