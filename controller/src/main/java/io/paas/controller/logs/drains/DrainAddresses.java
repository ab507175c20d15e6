package io.paas.controller.logs.drains;

import io.paas.common.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * A drain's host looked up and checked against its policy, when the drain is added and again before every
 * connection: a name that passed once may since resolve elsewhere (DNS rebinding), so senders connect to the
 * address checked here, never to the name.
 */
public final class DrainAddresses {
  private final Vertx vertx;

  public DrainAddresses(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The address to connect to; a host that does not resolve, or resolves where the policy forbids, is a 422. */
  public Future<InetAddress> resolve(DrainUrl url, DrainUrlPolicy policy) {
    // The JDK resolver blocks (and honours /etc/hosts and the JVM's DNS cache), so it runs on a worker thread.
    return vertx.executeBlocking(() -> lookUp(url.host()), false)
        .map(addresses -> policy.requireAllowed(url, addresses).get(0));
  }

  private static List<InetAddress> lookUp(String host) {
    try {
      return List.of(InetAddress.getAllByName(host));
    } catch (UnknownHostException e) {
      throw ApiException.invalid("Couldn't resolve " + host + ".");
    }
  }
}
