package io.paas.controller.deploy;

import io.paas.controller.scheduler.Host;
import java.util.List;

/** The hosts dynos can run on, as the scheduler sees them. */
public interface Cluster {
  List<Host> hosts();
}
