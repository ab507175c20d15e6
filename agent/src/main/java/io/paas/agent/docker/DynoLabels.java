package io.paas.agent.docker;

import io.paas.agent.Dyno;
import io.paas.agent.DynoSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The labels that mark a container as a dyno of this agent; the only record of a dyno kept outside the engine. */
final class DynoLabels {
  static final String AGENT = "paas.agent";
  static final String APP = "paas.app";
  static final String DYNO = "paas.dyno";
  static final String RELEASE = "paas.release";
  /** Marks a one-off container: it carries the agent's name so a leftover can be found, but is no dyno to converge. */
  static final String ONE_OFF = "paas.oneoff";

  private DynoLabels() {
  }

  static Map<String, String> of(String agentName, DynoSpec spec) {
    return Map.of(AGENT, agentName, APP, spec.app(), DYNO, spec.name(), RELEASE, Integer.toString(spec.release()));
  }

  static Map<String, String> oneOff(String agentName, DynoSpec spec) {
    Map<String, String> labels = new HashMap<>(of(agentName, spec));
    labels.put(ONE_OFF, "true");
    return labels;
  }

  /**
   * Empty for one-off containers, and when the labels are not a complete set this agent writes, so a stray container
   * cannot break a listing.
   */
  static Optional<Dyno> toDyno(String containerId, Map<String, String> labels, String host, int port,
                               boolean running) {
    if (labels.containsKey(ONE_OFF)) {
      return Optional.empty();
    }
    String app = labels.get(APP);
    String name = labels.get(DYNO);
    String release = labels.get(RELEASE);
    if (app == null || name == null || release == null || !release.matches("\\d{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(new Dyno(containerId, app, name, Integer.parseInt(release), host, port, running));
  }
}
