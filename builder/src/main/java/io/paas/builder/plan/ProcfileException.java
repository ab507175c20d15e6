package io.paas.builder.plan;

/** A Procfile that cannot be read; the message names the line and what is wrong with it. */
public final class ProcfileException extends PlanException {
  public ProcfileException(String reason) {
    super(reason);
  }
}
