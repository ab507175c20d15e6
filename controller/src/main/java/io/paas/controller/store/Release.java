package io.paas.controller.store;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of what runs: image (null for a release made before the first build), config vars, process types
 * and the command run before it goes live. status: pending while rolling out, succeeded once it served, failed
 * when it never did.
 */
public record Release(long id, long appId, int version, Long buildId, String image, String description,
                      String userEmail, String status, OffsetDateTime createdAt, Map<String, String> config,
                      Map<String, String> processTypes, String releaseCommand, Map<String, String> addonConfig) {
  public String name() {
    return "v" + version;
  }

  /** What its dynos see: the user's config vars and those of the attached addons, which never overlap. */
  public Map<String, String> env() {
    Map<String, String> env = new TreeMap<>(config);
    env.putAll(addonConfig);
    return env;
  }

  /** Config keys only: the values are secrets, and a release may reach a log line or an assertion message. */
  @Override
  public String toString() {
    return "Release[" + name() + " of app " + appId + " " + status + " config=" + env().keySet() + "]";
  }
}
