package io.paas.agent;

import io.vertx.core.VertxException;
import java.util.Map;

/** A {@link Agent#convergeAll} in which some apps failed; {@code reasons} says why, by app. */
public final class ConvergeFailed extends VertxException {
  private final Map<String, String> reasons;

  ConvergeFailed(Map<String, String> reasons) {
    super("Converging failed for " + String.join(", ", reasons.keySet()), true);
    this.reasons = Map.copyOf(reasons);
  }

  public Map<String, String> reasons() {
    return reasons;
  }
}
