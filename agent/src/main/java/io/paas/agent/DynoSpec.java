package io.paas.agent;

import java.util.Map;

/**
 * What should run: one dyno of one release. {@code command} is null to use the image's own command; {@code cpus} is
 * the share of CPUs it may use (0.5 is half of one), 0 for no limit. Two specs for the same app and name differ when
 * the release differs, and then the dyno is replaced.
 */
public record DynoSpec(String app, String name, int release, String image, String command,
                       Map<String, String> env, long memoryBytes, double cpus) {
  public DynoSpec {
    if (!(cpus >= 0) || Double.isInfinite(cpus)) {
      throw new IllegalArgumentException("CPU limit of " + name + " must be 0 (none) or positive, not " + cpus);
    }
  }

  /** A dyno without a CPU limit. */
  public DynoSpec(String app, String name, int release, String image, String command, Map<String, String> env,
                  long memoryBytes) {
    this(app, name, release, image, command, env, memoryBytes, 0);
  }

  public String type() {
    return typeOf(name);
  }

  /** The process type of a dyno name: "web" for "web.1". */
  static String typeOf(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
