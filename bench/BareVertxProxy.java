import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The floor for our router in bench/router.sh: the least a Vert.x proxy does, on the same Vert.x, JVM options and
 * one verticle per core as the router, with the same backend pool. It copies the request and response and nothing
 * else: no app lookup, retries, request ids, forwarded headers, limits or log. The router's distance to it is what
 * those cost; its distance to nginx is what the JVM and Vert.x cost. Prints {@code ready on PORT} once listening.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/BareVertxProxy.java BACKEND_PORT PORT}
 */
public class BareVertxProxy {
  public static void main(String[] args) {
    int backendPort = Integer.parseInt(args[0]);
    int port = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(() -> new Proxy(backendPort, port),
            new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
        .onSuccess(id -> System.out.println("ready on " + port))
        .onFailure(failure -> {
          failure.printStackTrace();
          System.exit(1);
        });
  }

  private static final class Proxy extends VerticleBase {
    private final int backendPort;
    private final int port;

    Proxy(int backendPort, int port) {
      this.backendPort = backendPort;
      this.port = port;
    }

    @Override
    public Future<?> start() {
      HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAliveTimeout(2),
          new PoolOptions().setHttp1MaxSize(128));
      return vertx.createHttpServer().requestHandler(request -> {
        // Held until the backend's request can take the body.
        request.pause();
        client.request(new RequestOptions().setMethod(request.method()).setURI(request.uri())
                .setHost("127.0.0.1").setPort(backendPort))
            .compose(origin -> {
              origin.headers().addAll(request.headers());
              return origin.send(request);
            })
            .onSuccess(answer -> {
              HttpServerResponse response = request.response().setStatusCode(answer.statusCode());
              response.headers().addAll(answer.headers());
              answer.pipeTo(response);
            })
            .onFailure(failure -> request.response().setStatusCode(502).end());
      }).listen(port, "127.0.0.1");
    }
  }
}
