package io.paas.router.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.router.RoutedRequest;
import io.paas.router.RoutingSnapshot;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRouterLogTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void postsTheRequestsInOneBatchWithTheClusterToken() throws Exception {
    try (FakeController controller = new FakeController(vertx, new RoutingSnapshot(0, Map.of()))) {
      HttpRouterLog log = new HttpRouterLog(vertx, new RouterApiClient(vertx, controller.url(), FakeController.TOKEN));

      log.request(new RoutedRequest("alpha", "at=info method=GET path=\"/\" service=12ms status=200", 200, 12));
      log.request(new RoutedRequest("beta", "at=error code=H14 status=503", 503, RoutedRequest.NOT_SERVED));

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (controller.logBatches.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(controller.logBatches).containsExactly(new JsonArray()
          .add(new JsonObject().put("app", "alpha").put("text", "at=info method=GET path=\"/\" service=12ms status=200")
              .put("status", 200).put("service_ms", 12))
          .add(new JsonObject().put("app", "beta").put("text", "at=error code=H14 status=503").put("status", 503)
              .putNull("service_ms")));
    }
  }
}
