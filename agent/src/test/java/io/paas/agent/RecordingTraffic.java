package io.paas.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A traffic switch that records each call together with the dynos the runtime had at that moment. */
final class RecordingTraffic implements TrafficSwitch {
  record Call(String app, List<Dyno> dynos, List<Dyno> containersAtSwitch) {
  }

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Vertx vertx;
  private final DynoRuntime observed;

  RecordingTraffic(Vertx vertx, DynoRuntime observed) {
    this.vertx = vertx;
    this.observed = observed;
  }

  @Override
  public Future<Void> serve(String app, List<Dyno> dynos) {
    return vertx.executeBlocking(observed::list, false)
        .map(containers -> {
          calls.add(new Call(app, List.copyOf(dynos), containers));
          return null;
        });
  }

  List<Call> callsFor(String app) {
    return calls.stream().filter(c -> c.app().equals(app)).toList();
  }
}
