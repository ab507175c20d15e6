package io.paas.router.proxy;

import io.paas.router.RoutingTable;
import io.vertx.core.net.HostAndPort;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the app a request's host names: {@code APP.DOMAIN} or one of the app's custom domains, any case, any port,
 * optional trailing dot. Only apps in the routing table count.
 */
final class AppHosts {
  private final String suffix;
  private final RoutingTable table;

  AppHosts(String domain, RoutingTable table) {
    this.suffix = "." + withoutTrailingDot(domain.toLowerCase(Locale.ROOT));
    this.table = table;
  }

  Optional<String> appOf(HostAndPort authority) {
    if (authority == null) {
      return Optional.empty();
    }
    String host = withoutTrailingDot(authority.host().toLowerCase(Locale.ROOT));
    // No name check needed: only valid names get into the table.
    String app = host.endsWith(suffix)
        ? host.substring(0, host.length() - suffix.length())
        : table.appOfDomain(host).orElse(null);
    return app != null && table.backends(app).isPresent() ? Optional.of(app) : Optional.empty();
  }

  private static String withoutTrailingDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
