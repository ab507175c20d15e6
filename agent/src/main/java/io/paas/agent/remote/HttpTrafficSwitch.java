package io.paas.agent.remote;

import io.paas.agent.Dyno;
import io.paas.agent.TrafficSwitch;
import io.vertx.core.Future;
import java.util.List;

/** Traffic through the controller: it sets this agent's backends for the app and answers once the rest drained. */
public final class HttpTrafficSwitch implements TrafficSwitch {
  private final ControllerClient controller;

  public HttpTrafficSwitch(ControllerClient controller) {
    this.controller = controller;
  }

  @Override
  public Future<Void> serve(String app, List<Dyno> dynos) {
    return controller.traffic(app, dynos);
  }
}
