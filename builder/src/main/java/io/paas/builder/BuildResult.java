package io.paas.builder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a successful build hands to the release: the image, its process types (Procfile, else the build plan's
 * default {@code web}), in Procfile order, and the Procfile's {@code release:} command (null when there is none).
 */
public record BuildResult(String image, Map<String, String> processTypes, String releaseCommand) {
  public BuildResult {
    processTypes = Collections.unmodifiableMap(new LinkedHashMap<>(processTypes));
  }
}
