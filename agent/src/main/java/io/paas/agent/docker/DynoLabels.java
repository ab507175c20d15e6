package io.paas.agent.docker;

import io.paas.agent.Dyno;
import io.paas.agent.DynoSpec;
import java.util.Map;
import java.util.Optional;

/** The labels that mark a container as a dyno of this agent; the only record of a dyno kept outside the engine. */
final class DynoLabels {
  static final String AGENT = "paas.agent";
  static final String APP = "paas.app";
  static final String DYNO = "paas.dyno";
  static final String RELEASE = "paas.release";

  private DynoLabels() {
  }

  static Map<String, String> of(String agentName, DynoSpec spec) {
    return Map.of(AGENT, agentName, APP, spec.app(), DYNO, spec.name(), RELEASE, Integer.toString(spec.release()));
  }

  /** Empty when the labels are not a complete set this agent writes, so a stray container cannot break a listing. */
  static Optional<Dyno> toDyno(String containerId, Map<String, String> labels, String host, int port,
                               boolean running) {
    String app = labels.get(APP);
    String name = labels.get(DYNO);
    String release = labels.get(RELEASE);
    if (app == null || name == null || release == null || !release.matches("\\d{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(new Dyno(containerId, app, name, Integer.parseInt(release), host, port, running));
  }
}
