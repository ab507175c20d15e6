import io.paas.router.Backend;
import io.paas.router.RouterLog;
import io.paas.router.RouterOptions;
import io.paas.router.RouterServer;
import io.paas.router.RoutingTable;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Our router in front of one backend, for bench/router.sh: app {@code bench} ({@code Host: bench.localhost}) goes
 * to 127.0.0.1:BACKEND_PORT. It runs as paas-server runs it: one RouterServer on one Vertx, one proxy per core.
 * Prints {@code ready on PORT} once listening.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/RouterBench.java BACKEND_PORT PORT}
 */
public class RouterBench {
  public static void main(String[] args) {
    int backendPort = Integer.parseInt(args[0]);
    int port = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    RoutingTable table = new RoutingTable();
    table.put("bench", List.of(new Backend("web.1", "127.0.0.1", backendPort)));
    router(vertx, table).listen("127.0.0.1", port)
        .onSuccess(bound -> System.out.println("ready on " + bound))
        .onFailure(failure -> {
          failure.printStackTrace();
          System.exit(1);
        });
  }

  /** The one place that knows RouterServer's constructor. */
  private static RouterServer router(Vertx vertx, RoutingTable table) {
    // No router log lines, as nginx and Caddy run with their access logs off.
    return new RouterServer(vertx, table, RouterOptions.defaults("localhost"), RouterLog.NONE);
  }
}
