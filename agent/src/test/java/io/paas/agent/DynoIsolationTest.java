package io.paas.agent;

import static io.paas.agent.TestDocker.spec;
import static io.paas.agent.TestDocker.web;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.agent.docker.DockerDynoRuntime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Docker alone keeps apart, without the platform's host firewall: a dyno of one app cannot open a connection to
 * another app's dyno, neither on its network (Docker drops traffic between bridges) nor at its published port (bound
 * to the host's loopback, which a container's 127.0.0.1 is not).
 */
class DynoIsolationTest {
  private TestDocker engine;
  private DockerDynoRuntime runtime;
  private Dyno victim;
  private String victimAddress;

  @BeforeEach
  void startTheVictim() throws Exception {
    engine = new TestDocker();
    runtime = engine.runtime(engine.newAgentName());
    victim = runtime.start(web("iso-victim", 1, "v1"));
    engine.getWhenUp(victim.port());
    victimAddress = engine.inspect(victim.containerId()).getNetworkSettings().getNetworks()
        .get("paas-app-iso-victim").getIpAddress();
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void aDynoOfTheSameAppReachesTheVictimOnItsNetwork() {
    assertThat(probe("iso-victim", victimAddress, DockerDynoRuntime.CONTAINER_PORT)).isEqualTo("open");
  }

  @Test
  void anotherAppsDynoCannotReachTheVictimsContainer() {
    assertThat(probe("iso-hostile", victimAddress, DockerDynoRuntime.CONTAINER_PORT)).isEqualTo("closed");
  }

  @Test
  void anotherAppsDynoCannotReachTheVictimsPublishedPort() {
    assertThat(probe("iso-hostile", "127.0.0.1", victim.port())).as("its own loopback").isEqualTo("closed");
    assertThat(probe("iso-hostile", engine.gateway("paas-app-iso-hostile"), victim.port())).isEqualTo("closed");
    assertThat(probe("iso-hostile", engine.gateway("bridge"), victim.port())).isEqualTo("closed");
  }

  /**
   * Whether a one-off dyno of {@code app} can open a TCP connection to {@code host:port} within 2 s. Once connected,
   * nc hands the connection to {@code true}, which closes it: a server that waits for the client cannot hold it.
   */
  private String probe(String app, String host, int port) {
    List<String> output = new CopyOnWriteArrayList<>();
    runtime.runOnce(spec(app, "run.1", 1, "nc -w 2 " + host + " " + port + " -e true 2>/dev/null "
        + "&& echo open || echo closed"), output::add);
    return String.join("\n", output);
  }
}
