package io.paas.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.router.RoutingTable;
import io.vertx.core.net.HostAndPort;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppHostsTest {
  private final RoutingTable table = new RoutingTable();
  private final AppHosts hosts = new AppHosts("Paas.Test.", table);

  AppHostsTest() {
    table.put("my-app", List.of());
    table.put("abc", List.of());
  }

  @Test
  void readsTheAppFromItsHostInAnyCaseWithOrWithoutPortAndTrailingDot() {
    assertThat(hosts.appOf(HostAndPort.create("my-app.paas.test", -1))).contains("my-app");
    assertThat(hosts.appOf(HostAndPort.create("My-App.PAAS.test", 8080))).contains("my-app");
    assertThat(hosts.appOf(HostAndPort.create("my-app.paas.test.", 80))).contains("my-app");
  }

  @Test
  void findsTheAppOfACustomDomainInAnyCaseWithOrWithoutPortAndTrailingDot() {
    table.domains("abc", Set.of("WWW.Example.test"));

    assertThat(hosts.appOf(HostAndPort.create("www.example.test", -1))).contains("abc");
    assertThat(hosts.appOf(HostAndPort.create("Www.EXAMPLE.test.", 8443))).contains("abc");
    assertThat(hosts.appOf(HostAndPort.create("example.test", 80))).isEmpty();
  }

  @Test
  void knowsNoAppOutsideTheDomainOrWithoutAValidName() {
    for (String host : new String[] {"paas.test", "my-app.other.test", "my-app.paas.test.evil.example",
        "x.my-app.paas.test", "mypaas.test", "ab.paas.test", "-app.paas.test", "127.0.0.1"}) {
      assertThat(hosts.appOf(HostAndPort.create(host, 80))).as(host).isEmpty();
    }
    assertThat(hosts.appOf(null)).isEmpty();
  }

  @Test
  void knowsNoAppMissingFromTheRoutingTable() {
    table.domains("gone", Set.of("gone.example.test"));

    assertThat(hosts.appOf(HostAndPort.create("other-app.paas.test", 80))).isEmpty();
    assertThat(hosts.appOf(HostAndPort.create("gone.example.test", 80))).isEmpty();
  }
}
