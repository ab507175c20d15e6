package io.paas.router.proxy;

import io.paas.common.AppNames;
import io.vertx.core.net.HostAndPort;
import java.util.Locale;
import java.util.Optional;

/** Reads the app name out of a request's host: {@code APP.DOMAIN}, any case, any port, optional trailing dot. */
public final class AppHosts {
  private final String suffix;

  public AppHosts(String domain) {
    this.suffix = "." + withoutTrailingDot(domain.toLowerCase(Locale.ROOT));
  }

  public Optional<String> appOf(HostAndPort authority) {
    if (authority == null) {
      return Optional.empty();
    }
    String host = withoutTrailingDot(authority.host().toLowerCase(Locale.ROOT));
    if (!host.endsWith(suffix)) {
      return Optional.empty();
    }
    String app = host.substring(0, host.length() - suffix.length());
    return AppNames.isValid(app) ? Optional.of(app) : Optional.empty();
  }

  private static String withoutTrailingDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
