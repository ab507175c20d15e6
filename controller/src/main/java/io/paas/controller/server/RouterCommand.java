package io.paas.controller.server;

import io.paas.router.RouterOptions;
import io.paas.router.RouterServer;
import io.paas.router.RoutingTable;
import io.paas.router.remote.HttpRouterLog;
import io.paas.router.remote.RemoteTable;
import io.paas.router.remote.RouterApiClient;
import io.paas.router.remote.TableFile;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paas-server router}: serves {@code APP.DOMAIN} on this host with the routing table of a controller elsewhere.
 * It dials out, and keeps serving the last table it received (kept in its data dir) while the controller is down.
 */
@Command(name = "router", mixinStandardHelpOptions = true,
    description = "Routes the apps' requests on this host, with a controller's routing table.")
final class RouterCommand implements Callable<Integer> {
  @Option(names = "--controller", required = true, description = "The controller's API URL.")
  String controller;

  @Option(names = "--token", required = true, description = "The cluster token (the controller's agent-token).")
  String token;

  @Option(names = "--port", required = true, description = "The port apps' requests arrive on.")
  int port;

  @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind = "127.0.0.1";

  @Option(names = "--domain", description = "Apps answer at APP.DOMAIN (default: ${DEFAULT-VALUE}).")
  String domain = "localhost";

  @Option(names = "--data-dir", description = "Where the last routing table is kept (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of(System.getProperty("user.home"), ".paas-router");

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(dataDir);
    Vertx vertx = Vertx.vertx();
    RouterApiClient client = new RouterApiClient(vertx, controller, token);
    RoutingTable table = new RoutingTable();
    TableFile saved = new TableFile(vertx, dataDir);
    RouterServer router = new RouterServer(vertx, table, RouterOptions.defaults(domain),
        new HttpRouterLog(vertx, client));
    String from = switch (new RemoteTable(vertx, client, saved, table).start().await(1, TimeUnit.MINUTES)) {
      case CONTROLLER -> "the controller's table";
      case SAVED -> "the table saved in " + dataDir + " until the controller answers";
      case EMPTY -> "an empty table: none saved and the controller is not answering yet";
    };
    int bound = router.listen(bind, port).await(1, TimeUnit.MINUTES);
    System.out.println("paas router ready: apps at http://APP." + domain + ":" + bound + "/ · controller "
        + controller + " · serving " + from);
    Thread.currentThread().join();
    return 0;
  }
}
