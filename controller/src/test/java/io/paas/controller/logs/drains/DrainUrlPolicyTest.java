package io.paas.controller.logs.drains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paas.common.ApiException;
import io.paas.controller.logs.drains.DrainUrl.Scheme;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which drain URLs are accepted, and which hosts and addresses a tenant's drain may not reach. */
class DrainUrlPolicyTest {
  static final DrainUrlPolicy TENANT = DrainUrlPolicy.of(false);
  static final DrainUrlPolicy ADMIN = DrainUrlPolicy.of(true);

  @Test
  void syslogSyslogTlsAndHttpsAreAccepted() {
    DrainUrl syslog = TENANT.parse("syslog://logs.example.com:514");
    assertThat(syslog.scheme()).isEqualTo(Scheme.SYSLOG);
    assertThat(syslog.tls()).isFalse();
    assertThat(syslog.host()).isEqualTo("logs.example.com");
    assertThat(syslog.port()).isEqualTo(514);

    DrainUrl tls = TENANT.parse("SYSLOG+TLS://Logs.Example.com:6514/");
    assertThat(tls.scheme()).isEqualTo(Scheme.SYSLOG_TLS);
    assertThat(tls.tls()).isTrue();
    assertThat(tls.host()).isEqualTo("logs.example.com");

    DrainUrl https = TENANT.parse("https://logs.example.com/drain/1?source=paas");
    assertThat(https.scheme()).isEqualTo(Scheme.HTTPS);
    assertThat(https.port()).isEqualTo(443);
    assertThat(https.requestUri()).isEqualTo("/drain/1?source=paas");
    assertThat(TENANT.parse("https://logs.example.com:8443").requestUri()).isEqualTo("/");
    assertThat(TENANT.parse("https://[2001:db8::1]:8443/x").host()).isEqualTo("2001:db8::1");
  }

  @Test
  void otherSchemesAre422AndTheMessageListsTheSupportedOnes() {
    for (String url : List.of("http://logs.example.com/", "tcp://logs.example.com:514", "udp://logs.example.com:514",
        "ftp://logs.example.com/", "logs.example.com:514", "mailto:ops@example.com", "not a url", "")) {
      assertThat(refusal(TENANT, url)).as(url).contains("syslog://HOST:PORT", "syslog+tls://HOST:PORT",
          "https://HOST[:PORT]/PATH");
    }
    assertThat(refusal(TENANT, null)).contains("url is required");
  }

  @Test
  void aHostIsRequiredAndSyslogNeedsAPortAndNothingElse() {
    assertThat(refusal(TENANT, "https:///drain")).contains("host");
    assertThat(refusal(TENANT, "syslog://:514")).contains("host");
    assertThat(refusal(TENANT, "syslog://logs.example.com")).contains("needs a port");
    assertThat(refusal(TENANT, "syslog+tls://logs.example.com:")).contains("empty port");
    assertThat(refusal(TENANT, "syslog://logs.example.com:70000")).contains("1 to 65535");
    assertThat(refusal(TENANT, "syslog://logs.example.com:514/path")).contains("HOST:PORT only");
    assertThat(refusal(TENANT, "syslog://user:pw@logs.example.com:514")).contains("HOST:PORT only");
  }

  @Test
  void aUrlIsAtMost2048Characters() {
    String prefix = "https://logs.example.com/";
    assertThat(TENANT.parse(prefix + "a".repeat(2048 - prefix.length())).raw()).hasSize(2048);
    assertThat(refusal(TENANT, prefix + "a".repeat(2049 - prefix.length()))).contains("at most 2048");
  }

  @Test
  void credentialsAreMaskedButKeptForBasicAuth() {
    DrainUrl url = TENANT.parse("https://user:s%40cret@logs.example.com/drain");

    assertThat(url.masked()).isEqualTo("https://***@logs.example.com/drain");
    assertThat(url.userInfo()).isEqualTo("user:s@cret");
    assertThat(DrainUrlPolicy.masked("https://token@logs.example.com/")).isEqualTo("https://***@logs.example.com/");
    assertThat(DrainUrlPolicy.masked("syslog://logs.example.com:514")).isEqualTo("syslog://logs.example.com:514");
  }

  @Test
  void namesOfThisHostAndOfMetadataServicesAreRefusedToTenants() {
    for (String url : List.of("syslog://localhost:514", "syslog://LOCALHOST.:514", "syslog://app.localhost:514",
        "https://metadata.google.internal/computeMetadata/v1/", "https://metadata/", "https://db.internal/")) {
      assertThat(refusal(TENANT, url)).as(url).contains("may not reach");
      assertThat(ADMIN.parse(url).raw()).isEqualTo(url);
    }
  }

  @Test
  void loopbackUnspecifiedAndLinkLocalAddressesAreRefusedToTenants() throws Exception {
    DrainUrl url = TENANT.parse("syslog://logs.example.com:514");
    for (String address : List.of("127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "0.1.2.3", "::", "169.254.169.254",
        "169.254.1.1", "fe80::1", "febf::1", "::ffff:127.0.0.1", "fd00:ec2::254")) {
      List<InetAddress> resolved = List.of(InetAddress.getByName("203.0.113.7"), InetAddress.getByName(address));
      assertThatThrownBy(() -> TENANT.requireAllowed(url, resolved)).as(address)
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.getMessage()).contains("logs.example.com resolves to", "may not reach");
          });
      assertThat(ADMIN.requireAllowed(url, resolved)).isEqualTo(resolved);
    }
  }

  @Test
  void publicAndPrivateNetworkAddressesAreAllowed() throws Exception {
    DrainUrl url = TENANT.parse("syslog://logs.example.com:514");
    for (String address : List.of("203.0.113.7", "10.0.0.5", "192.168.1.20", "2001:db8::1", "fec0::1")) {
      List<InetAddress> resolved = List.of(InetAddress.getByName(address));
      assertThat(TENANT.requireAllowed(url, resolved)).as(address).isEqualTo(resolved);
    }
  }

  private static String refusal(DrainUrlPolicy policy, String url) {
    try {
      policy.parse(url);
    } catch (ApiException e) {
      assertThat(e.status()).as(url).isEqualTo(422);
      return e.getMessage();
    }
    throw new AssertionError(url + " was accepted");
  }
}
