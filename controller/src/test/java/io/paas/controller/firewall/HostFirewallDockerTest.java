package io.paas.controller.firewall;

import static io.paas.controller.firewall.ContainerRuns.docker;
import static io.paas.controller.firewall.ContainerRuns.probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.common.DockerClients;
import io.paas.common.network.AppNetwork;
import io.paas.common.network.AppNetworks;
import io.paas.common.network.SubnetRange;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Containers on two app networks, made as the platform makes them in a range of the test's own, and a container on
 * Docker's default bridge, outside the range, connect to ports of this host listening on every address: a shared
 * one, app A's own one and one the firewall does not name (the API, say).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostFirewallDockerTest {
  private static final SubnetRange RANGE = SubnetRange.parse("10.223.240.0/20");

  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final AppNetworks networks = new AppNetworks(DockerClients.connect(), RANGE, Map.of("paas.test", id));
  private final HostFirewall firewall = new HostFirewall("PAAS-TEST-" + id, RANGE);
  private ServerSocket shared;
  private ServerSocket ownToA;
  private ServerSocket unnamed;
  private AppNetwork appA;
  private AppNetwork appB;
  private String dockerHost;

  @BeforeAll
  void listenAndFirewall() throws Exception {
    shared = new ServerSocket(0);
    ownToA = new ServerSocket(0);
    unnamed = new ServerSocket(0);
    appA = networks.ensure("fw-a-" + id);
    appB = networks.ensure("fw-b-" + id);
    dockerHost = gateway("bridge");
    firewall.enforce();
    firewall.allowShared(new PortRule("shared-a", shared.getLocalPort(), appA.subnet()));
    firewall.allowOnly(new PortRule("own-to-a", ownToA.getLocalPort(), appA.subnet()));
  }

  @AfterAll
  void closeEverything() throws Exception {
    firewall.close();
    networks.remove("fw-a-" + id);
    networks.remove("fw-b-" + id);
    shared.close();
    ownToA.close();
    unnamed.close();
  }

  @Test
  void onlyTheAppsASharedPortWasOpenedToReachIt() throws Exception {
    assertThat(probe(appA.name(), dockerHost, shared.getLocalPort())).isEqualTo("open");
    assertThat(probe(appB.name(), dockerHost, shared.getLocalPort())).isEqualTo("closed");
  }

  @Test
  void onlyItsAppReachesAnAppsOwnPort() throws Exception {
    assertThat(probe(appA.name(), dockerHost, ownToA.getLocalPort())).isEqualTo("open");
    assertThat(probe(appB.name(), dockerHost, ownToA.getLocalPort())).isEqualTo("closed");
    assertThat(probe("bridge", dockerHost, ownToA.getLocalPort())).isEqualTo("closed");
  }

  @Test
  void noAppReachesAnyOtherPortOfTheHostAtAnyOfItsAddresses() throws Exception {
    for (String address : new String[] {dockerHost, gateway(appA.name()), gateway(appB.name())}) {
      assertThat(probe(appA.name(), address, unnamed.getLocalPort())).as(address).isEqualTo("closed");
    }
  }

  @Test
  void containersOutsideTheAppRangeAreLeftAlone() throws Exception {
    assertThat(probe("bridge", dockerHost, unnamed.getLocalPort())).isEqualTo("open");
  }

  /** This host's address on the network. */
  private static String gateway(String network) throws Exception {
    return docker("network", "inspect", "-f", "{{(index .IPAM.Config 0).Gateway}}", network).strip();
  }
}
