package io.paas.router.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.router.Backend;
import io.paas.router.RouteSettings;
import io.paas.router.RouterLog;
import io.paas.router.RouterOptions;
import io.paas.router.RouterServer;
import io.paas.router.RoutingSnapshot;
import io.paas.router.RoutingSnapshot.AppRoute;
import io.paas.router.RoutingTable;
import io.paas.router.remote.RemoteTable.Origin;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteTableTest {
  @TempDir
  Path dataDir;
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient();
  private Backend dyno;

  @BeforeEach
  void startDyno() throws Exception {
    int port = vertx.createHttpServer().requestHandler(request -> request.response().end("hello"))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    dyno = new Backend("web.1", "127.0.0.1", port);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void appliesTheControllersTableThenEachChangeItPushes() throws Exception {
    try (FakeController controller = new FakeController(vertx, table(1, RouteSettings.DEFAULT, Set.of()))) {
      RoutingTable local = new RoutingTable();
      RemoteTable remote = follow(controller.url(), local);

      assertThat(remote.start().await(10, TimeUnit.SECONDS)).isEqualTo(Origin.CONTROLLER);
      assertThat(local.backends("alpha")).contains(List.of(dyno));

      RouteSettings maintenance = new RouteSettings(true, Duration.ofSeconds(9));
      controller.publish(table(2, maintenance, Set.of("www.example.com")));
      eventually(() -> local.settings("alpha").equals(maintenance));
      assertThat(local.appOfDomain("www.example.com")).contains("alpha");
      remote.stop();
    }
  }

  @Test
  void keepsServingWithoutTheControllerAndServesTheSavedTableAfterARestart() throws Exception {
    FakeController controller = new FakeController(vertx, table(1, RouteSettings.DEFAULT, Set.of()));
    RoutingTable local = new RoutingTable();
    RemoteTable remote = follow(controller.url(), local);
    remote.start().await(10, TimeUnit.SECONDS);
    int routerPort = listen(local);
    assertThat(get(routerPort)).isEqualTo(200);

    controller.close();
    Thread.sleep(300);
    assertThat(get(routerPort)).isEqualTo(200);
    remote.stop();

    RoutingTable restarted = new RoutingTable();
    RemoteTable again = follow(controller.url(), restarted);
    assertThat(again.start().await(10, TimeUnit.SECONDS)).isEqualTo(Origin.SAVED);
    assertThat(get(listen(restarted))).isEqualTo(200);
    again.stop();
  }

  @Test
  void startsEmptyWithNeitherAControllerNorASavedTable() throws Exception {
    RoutingTable local = new RoutingTable();
    RemoteTable remote = follow("http://127.0.0.1:1", local);

    assertThat(remote.start().await(10, TimeUnit.SECONDS)).isEqualTo(Origin.EMPTY);
    assertThat(local.snapshot().apps()).isEmpty();
    remote.stop();
  }

  private RoutingSnapshot table(long version, RouteSettings settings, Set<String> domains) {
    return new RoutingSnapshot(version, Map.of("alpha", new AppRoute(List.of(dyno), settings, domains)));
  }

  private RemoteTable follow(String url, RoutingTable local) {
    return new RemoteTable(vertx, new RouterApiClient(vertx, url, FakeController.TOKEN), new TableFile(vertx, dataDir),
        local);
  }

  private int listen(RoutingTable local) throws Exception {
    return new RouterServer(vertx, local, RouterOptions.defaults("localhost").withInstances(1), RouterLog.NONE)
        .listen("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
  }

  private int get(int routerPort) throws Exception {
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(routerPort)
            .setURI("/").putHeader("Host", "alpha.localhost"))
        .compose(request -> request.send())
        .map(HttpClientResponse::statusCode)
        .await(10, TimeUnit.SECONDS);
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
