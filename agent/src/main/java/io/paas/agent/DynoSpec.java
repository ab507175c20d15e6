package io.paas.agent;

import io.paas.common.HealthCheckPaths;
import java.util.Map;

/**
 * What should run: one dyno of one release. {@code command} is null to use the image's own command; {@code cpus} is
 * the share of CPUs it may use (0.5 is half of one), 0 for no limit. {@code healthCheckPath} is what a new web dyno
 * must answer below 400 before it takes traffic, null for the default check ({@link DynoHealth}). Two specs for the
 * same app and name differ when the release differs, and then the dyno is replaced; a spec that changes within a
 * release (a new health check path) applies to the dyno's next start.
 */
public record DynoSpec(String app, String name, int release, String image, String command,
                       Map<String, String> env, long memoryBytes, double cpus, String healthCheckPath) {
  public DynoSpec {
    if (!(cpus >= 0) || Double.isInfinite(cpus)) {
      throw new IllegalArgumentException("CPU limit of " + name + " must be 0 (none) or positive, not " + cpus);
    }
    if (healthCheckPath != null && !HealthCheckPaths.isValid(healthCheckPath)) {
      throw new IllegalArgumentException("Health check path of " + name + " is not a valid path: " + healthCheckPath);
    }
  }

  /** A dyno without a CPU limit, checked by the default health check. */
  public DynoSpec(String app, String name, int release, String image, String command, Map<String, String> env,
                  long memoryBytes) {
    this(app, name, release, image, command, env, memoryBytes, 0, null);
  }

  public String type() {
    return typeOf(name);
  }

  /** The process type of a dyno name: "web" for "web.1". */
  static String typeOf(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** Names of the env vars only: their values are the app's secrets, and specs reach log lines and messages. */
  @Override
  public String toString() {
    return "DynoSpec[" + app + " " + name + " v" + release + " " + image + " env=" + env.keySet() + "]";
  }
}
