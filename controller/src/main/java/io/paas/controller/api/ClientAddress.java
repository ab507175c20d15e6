package io.paas.controller.api;

import io.vertx.ext.web.RoutingContext;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Where a request comes from, as rate limits count it: the peer's IPv4 address, or the /64 of an IPv6 one (a single
 * host is commonly given a whole /64). X-Forwarded-For is not read: no proxy stands in front of the API.
 */
final class ClientAddress {
  private ClientAddress() {
  }

  static String of(RoutingContext ctx) {
    String host = ctx.request().remoteAddress().hostAddress();
    try {
      // A literal address: nothing is looked up.
      InetAddress address = InetAddress.getByName(host);
      if (address instanceof Inet6Address) {
        return HexFormat.of().formatHex(address.getAddress(), 0, 8) + "::/64";
      }
    } catch (UnknownHostException e) {
      // not a literal after all: counted as given
    }
    return host;
  }
}
