package io.paas.common.network;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Each app's containers sit on a Docker bridge network of their own, so the host can tell them apart by source
 * address (the addon firewall lets only an app's own subnet reach its Redis) and Docker keeps apps from reaching
 * each other's containers. The subnet is taken from the platform's range rather than Docker's default pools, which
 * hold about thirty networks.
 */
public final class AppNetworks {
  public static final String LABEL = "paas.app";
  private static final String PREFIX = "paas-app-";

  private final DockerClient docker;
  private final SubnetRange range;
  private final Map<String, String> labels;

  /** {@code labels} go on every network made here besides {@code paas.app}, so their maker can find them again. */
  public AppNetworks(DockerClient docker, SubnetRange range, Map<String, String> labels) {
    this.docker = docker;
    this.range = range;
    this.labels = Map.copyOf(labels);
  }

  public static String name(String app) {
    return PREFIX + app;
  }

  /** The app's network, made now if missing. Safe to call from several threads and processes at once. */
  public synchronized AppNetwork ensure(String app) {
    Optional<AppNetwork> existing = find(app);
    if (existing.isPresent()) {
      return existing.get();
    }
    List<String> taken = docker.listNetworksCmd().exec().stream()
        .flatMap(network -> network.getIpam() == null || network.getIpam().getConfig() == null
            ? Stream.<Network.Ipam.Config>empty() : network.getIpam().getConfig().stream())
        .map(Network.Ipam.Config::getSubnet)
        .filter(Objects::nonNull)
        .toList();
    for (String subnet : range.free(taken)) {
      try {
        docker.createNetworkCmd()
            .withName(name(app))
            .withDriver("bridge")
            .withCheckDuplicate(true)
            .withLabels(labelsFor(app))
            .withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config()
                .withSubnet(subnet).withGateway(SubnetRange.gateway(subnet))))
            .exec();
        return find(app).orElseThrow();
      } catch (ConflictException sameName) {
        return find(app).orElseThrow(() -> sameName);
      } catch (DockerException overlap) {
        // Another process took this subnet since the listing: try the next one.
        Optional<AppNetwork> raced = find(app);
        if (raced.isPresent()) {
          return raced.get();
        }
      }
    }
    throw new IllegalStateException("No free subnet is left in " + range + " for the network of " + app);
  }

  public Optional<AppNetwork> find(String app) {
    try {
      Network network = docker.inspectNetworkCmd().withNetworkId(name(app)).exec();
      String subnet = network.getIpam().getConfig().get(0).getSubnet();
      return Optional.of(new AppNetwork(network.getId(), network.getName(), subnet));
    } catch (NotFoundException missing) {
      return Optional.empty();
    }
  }

  private Map<String, String> labelsFor(String app) {
    Map<String, String> all = new HashMap<>(labels);
    all.put(LABEL, app);
    return all;
  }

  /** Removes the app's network once its containers are gone; a missing network is fine. */
  public void remove(String app) {
    try {
      docker.removeNetworkCmd(name(app)).exec();
    } catch (NotFoundException gone) {
      // Already removed.
    }
  }
}
