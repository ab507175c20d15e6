package io.paas.controller.store;

import java.util.Map;

/** A release about to be numbered and stored. */
public record ReleaseDraft(Long buildId, String image, String description, long userId, Map<String, String> config,
                           Map<String, String> processTypes, String releaseCommand,
                           Map<String, String> addonConfig) {
  /** Nothing to roll out without an image: such a release only records config. */
  String initialStatus() {
    return image == null ? "succeeded" : "pending";
  }

  /** Config keys only, as {@link Release#toString()}. */
  @Override
  public String toString() {
    return "ReleaseDraft[" + description + " config=" + config.keySet() + " addons=" + addonConfig.keySet() + "]";
  }
}
