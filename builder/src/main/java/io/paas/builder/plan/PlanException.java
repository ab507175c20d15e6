package io.paas.builder.plan;

import io.paas.builder.BuildFailedException;

/** The pushed project cannot be planned (unsupported, malformed, asks for what the platform lacks); fit to show. */
public class PlanException extends BuildFailedException {
  public PlanException(String reason) {
    super(reason);
  }
}
