package io.paas.router;

import java.time.Duration;

/**
 * How the router treats one app's requests, set by the controller from the app's settings: in maintenance it answers
 * a maintenance page without touching the dynos; a dyno gets {@code requestTimeout} to start its response.
 */
public record RouteSettings(boolean maintenance, Duration requestTimeout) {
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final RouteSettings DEFAULT = new RouteSettings(false, DEFAULT_REQUEST_TIMEOUT);

  public RouteSettings {
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("The request timeout must be positive, not " + requestTimeout);
    }
  }
}
