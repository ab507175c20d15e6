package io.paas.common;

import java.util.regex.Pattern;

/**
 * The one rule for an app's health check path: the controller checks it at the API, the agent again before writing
 * it into a request line, where a space or a line break would change the request.
 */
public final class HealthCheckPaths {
  public static final int MAX_LENGTH = 200;
  /** Printable ASCII without the space. */
  private static final Pattern VALID = Pattern.compile("/[\\x21-\\x7e]{0," + (MAX_LENGTH - 1) + "}");

  private HealthCheckPaths() {
  }

  public static boolean isValid(String path) {
    return path != null && VALID.matcher(path).matches();
  }

  /** Returns the path, or throws a 422 that says what a valid path looks like. */
  public static String require(String path) {
    if (!isValid(path)) {
      throw ApiException.invalid("health_check_path must start with / and be up to " + MAX_LENGTH
          + " printable ASCII characters without spaces, such as /health.");
    }
    return path;
  }
}
