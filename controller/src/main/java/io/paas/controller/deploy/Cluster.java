package io.paas.controller.deploy;

import io.paas.controller.scheduler.Host;
import io.vertx.core.Future;
import java.util.List;

/** The hosts dynos can run on, as the scheduler sees them. */
public interface Cluster {
  Future<List<Host>> hosts();
}
