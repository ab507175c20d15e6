package io.paas.agent;

/** What runs: a container this agent started, and where its web port is published on this host. */
public record Dyno(String containerId, String app, String name, int release, String host, int port, boolean running) {
  public String type() {
    return DynoSpec.typeOf(name);
  }
}
