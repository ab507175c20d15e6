package io.paas.controller.server;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;

/**
 * The address containers reach addon servers on: the gateway of Docker's default bridge (docker0), a local address
 * of this machine that every container network routes to, and that no other machine can use.
 */
final class AddonHost {
  private AddonHost() {
  }

  static String of(DockerClient docker, String given) {
    if (given != null) {
      return given;
    }
    Network bridge = docker.inspectNetworkCmd().withNetworkId("bridge").exec();
    return bridge.getIpam().getConfig().stream().map(Network.Ipam.Config::getGateway)
        .filter(gateway -> gateway != null && gateway.contains("."))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Docker's bridge network has no IPv4 gateway; give the address "
            + "containers reach this host on with --addon-host"));
  }
}
