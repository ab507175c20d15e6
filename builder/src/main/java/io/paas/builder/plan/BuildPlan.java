package io.paas.builder.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to build one push: what was detected ({@code Maven app detected}), the Dockerfile to build (null: the project's
 * own), the stack keys it builds on, the plan's default process types, and the project's Procfile (empty if none).
 */
public record BuildPlan(String name, String detected, Dockerfile dockerfile, List<String> stacks,
                        Map<String, String> defaultTypes, Procfile procfile) {
  public BuildPlan {
    stacks = List.copyOf(stacks);
    defaultTypes = Collections.unmodifiableMap(new LinkedHashMap<>(defaultTypes));
  }

  /** The Procfile's process types in its order, then the defaults it does not override (as Heroku merges them). */
  public Map<String, String> processTypes() {
    Map<String, String> types = new LinkedHashMap<>(procfile.processTypes());
    defaultTypes.forEach(types::putIfAbsent);
    return types;
  }

  public String releaseCommand() {
    return procfile.releaseCommand();
  }
}
