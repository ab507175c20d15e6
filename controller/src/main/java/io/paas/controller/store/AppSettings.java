package io.paas.controller.store;

import io.paas.common.ApiException;
import io.paas.common.HealthCheckPaths;

/**
 * How the platform treats an app apart from its releases: maintenance mode and the request timeout (the router's),
 * and the path new web dynos must answer before they take traffic (null for the default check). The defaults are the
 * columns' (V5). Only valid settings exist: a bad value is a 422.
 */
public record AppSettings(boolean maintenance, int requestTimeout, String healthCheckPath) {
  public static final int MAX_REQUEST_TIMEOUT = 300;
  public static final String REQUEST_TIMEOUT_RULE =
      "request_timeout must be a whole number of seconds from 1 to " + MAX_REQUEST_TIMEOUT + ".";

  public AppSettings {
    if (requestTimeout < 1 || requestTimeout > MAX_REQUEST_TIMEOUT) {
      throw ApiException.invalid(REQUEST_TIMEOUT_RULE);
    }
    if (healthCheckPath != null) {
      HealthCheckPaths.require(healthCheckPath);
    }
  }

  public AppSettings withMaintenance(boolean on) {
    return new AppSettings(on, requestTimeout, healthCheckPath);
  }

  public AppSettings withRequestTimeout(int seconds) {
    return new AppSettings(maintenance, seconds, healthCheckPath);
  }

  public AppSettings withHealthCheckPath(String path) {
    return new AppSettings(maintenance, requestTimeout, path);
  }
}
