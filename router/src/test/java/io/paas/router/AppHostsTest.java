package io.paas.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.router.proxy.AppHosts;
import io.vertx.core.net.HostAndPort;
import org.junit.jupiter.api.Test;

class AppHostsTest {
  private final AppHosts hosts = new AppHosts("Paas.Test.");

  @Test
  void readsTheAppFromItsHostInAnyCaseWithOrWithoutPortAndTrailingDot() {
    assertThat(hosts.appOf(HostAndPort.create("my-app.paas.test", -1))).contains("my-app");
    assertThat(hosts.appOf(HostAndPort.create("My-App.PAAS.test", 8080))).contains("my-app");
    assertThat(hosts.appOf(HostAndPort.create("my-app.paas.test.", 80))).contains("my-app");
  }

  @Test
  void knowsNoAppOutsideTheDomainOrWithoutAValidName() {
    for (String host : new String[] {"paas.test", "my-app.other.test", "my-app.paas.test.evil.example",
        "x.my-app.paas.test", "mypaas.test", "ab.paas.test", "-app.paas.test", "127.0.0.1"}) {
      assertThat(hosts.appOf(HostAndPort.create(host, 80))).as(host).isEmpty();
    }
    assertThat(hosts.appOf(null)).isEmpty();
  }
}
