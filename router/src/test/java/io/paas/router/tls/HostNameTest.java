package io.paas.router.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostNameTest {

  @Test
  void lowerCasesAHostName() {
    assertThat(HostName.normalized("WWW.Example.COM")).isEqualTo("www.example.com");
    assertThat(HostName.normalized("localhost")).isEqualTo("localhost");
    assertThat(HostName.normalized("xn--bcher-kva.example")).isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void refusesWhatCaddyWouldTakeButCouldNeverCertify() {
    for (String bad : new String[] {"", "a b.test", "x_y.test", "-x.test", "x-.test", "bad..test", "app.test.",
        "app.test:443", "*.example.com", "{http.request.host}", "a/b.test", "bücher.example", "::1",
        "a".repeat(64) + ".test"}) {
      assertThatThrownBy(() -> HostName.normalized(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Not a host name: '" + bad + "'");
    }
  }

  @Test
  void refusesANameLongerThanDnsAllows() {
    String name = ("a".repeat(63) + ".").repeat(4) + "test";

    assertThatThrownBy(() -> HostName.normalized(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesNoPublicCaCertifiesAreInternal() {
    for (String name : new String[] {"localhost", "app1.localhost", "www.example.test", "db.internal",
        "printer.local", "www.example", "x.invalid", "127.0.0.1", "10.1.2.3"}) {
      assertThat(HostName.isInternal(name)).as(name).isTrue();
    }
  }

  @Test
  void publicNamesAreNot() {
    for (String name : new String[] {"www.example.com", "example.org", "app.paas.io", "test.com", "localhost.dev"}) {
      assertThat(HostName.isInternal(name)).as(name).isFalse();
    }
  }
}
