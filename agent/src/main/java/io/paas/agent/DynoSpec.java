package io.paas.agent;

import java.util.Map;

/**
 * What should run: one dyno of one release. {@code command} is null to use the image's own command.
 * Two specs for the same app and name differ when the release differs, and then the dyno is replaced.
 */
public record DynoSpec(String app, String name, int release, String image, String command,
                       Map<String, String> env, long memoryBytes) {
  public String type() {
    return typeOf(name);
  }

  /** The process type of a dyno name: "web" for "web.1". */
  static String typeOf(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
