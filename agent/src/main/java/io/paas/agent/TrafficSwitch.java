package io.paas.agent;

import io.vertx.core.Future;
import java.util.List;

/**
 * Sends an app's traffic to exactly the given dynos. The future completes once requests still in flight to the
 * dynos it replaced have finished (or their drain time ran out), so those can be stopped without dropping any.
 */
public interface TrafficSwitch {
  Future<Void> serve(String app, List<Dyno> dynos);
}
