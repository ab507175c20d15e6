package io.paas.controller.addons.redis;

import static io.paas.controller.firewall.ContainerRuns.docker;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.common.network.SubnetRange;
import io.paas.controller.addons.AddonInstance;
import io.paas.controller.firewall.ContainerRuns;
import io.paas.controller.firewall.HostFirewall;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An app's redis, on the docker0 gateway as containers see the host, reached from containers on two app networks of
 * Docker's own making: the app's may connect, the other may not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisFirewallDockerTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String networkA = "paas-fw-test-a-" + id;
  private final String networkB = "paas-fw-test-b-" + id;
  /** The networks above are not in its app range: only the Redis rule is at work here. */
  private final HostFirewall firewall = new HostFirewall("PAAS-TEST-" + id, SubnetRange.parse("198.51.100.0/24"));
  private Vertx vertx;
  private Path dataDir;
  private RedisProvider provider;
  private String gateway;
  private String password;
  private int port;

  @BeforeAll
  void provisionForAppA() throws Exception {
    vertx = Vertx.vertx();
    dataDir = Files.createTempDirectory("redis-firewall-test");
    docker("network", "create", networkA);
    docker("network", "create", networkB);
    String subnetA = docker("network", "inspect", "-f", "{{(index .IPAM.Config 0).Subnet}}", networkA).strip();
    gateway = docker("network", "inspect", "-f", "{{(index .IPAM.Config 0).Gateway}}", "bridge").strip();
    provider = new RedisProvider(vertx, dataDir, gateway,
        app -> app.equals("app-a") ? Future.succeededFuture(subnetA) : Future.failedFuture("no app " + app),
        firewall);
    Map<String, String> credentials = provider.provision(new AddonInstance("redis-fw-" + id, "app-a", "redis",
        "mini")).await(30, TimeUnit.SECONDS);
    password = RedisCredentials.from(credentials).password();
    port = Integer.parseInt(credentials.get("port"));
    assertThat(credentials.get("url")).endsWith("@" + gateway + ":" + port);
  }

  @AfterAll
  void removeEverything() throws Exception {
    try {
      if (provider != null) {
        provider.close();
      }
    } finally {
      firewall.close();
      docker("network", "rm", networkA);
      docker("network", "rm", networkB);
      vertx.close().await(10, TimeUnit.SECONDS);
      try (Stream<Path> paths = Files.walk(dataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void aContainerOnTheAppsNetworkGetsAnAnswer() throws Exception {
    assertThat(askRedisFrom(networkA)).contains("+OK", "+PONG");
  }

  @Test
  void aContainerOnAnotherAppsNetworkIsTurnedAway() throws Exception {
    assertThat(askRedisFrom(networkB)).doesNotContain("+OK", "+PONG").contains("refused");
  }

  @Test
  void aContainerOnDockersDefaultNetworkIsTurnedAway() throws Exception {
    assertThat(askRedisFrom("bridge")).doesNotContain("+OK", "+PONG").contains("refused");
  }

  /** What a container on the network hears when it logs in to the redis and pings it. */
  private String askRedisFrom(String network) throws Exception {
    return ContainerRuns.output(network,
        "printf 'AUTH %s\\r\\nPING\\r\\n' \"$0\" | nc -w 3 " + gateway + " " + port + " 2>&1", password);
  }
}
