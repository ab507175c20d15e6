package io.paas.agent;

import io.vertx.core.VertxException;

/** A restart or stop named a dyno or process type the app does not run. */
public final class NoSuchDynoException extends VertxException {
  NoSuchDynoException(String message) {
    super(message, true);
  }
}
