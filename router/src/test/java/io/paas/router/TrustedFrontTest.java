package io.paas.router;

import static io.paas.router.FakeDyno.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrustedFrontTest extends RouterFixture {
  private FakeDyno dyno;

  @BeforeEach
  void startDyno() {
    dyno = FakeDyno.start(vertx, "web.1");
    table.put("alpha", List.of(dyno.backend()));
  }

  @Test
  void keepsTheForwardedHeadersOfTheTlsFrontAndLogsHttps() {
    int frontPort = await(router.listenBehindTls("127.0.0.1", 0));

    Reply reply = send(to(frontPort, "alpha.paas.test", 443)
        .putHeader("X-Forwarded-For", "203.0.113.9")
        .putHeader("X-Forwarded-Proto", "https")
        .putHeader("X-Forwarded-Port", "443")
        .putHeader("X-Forwarded-Host", "alpha.paas.test"));

    assertThat(reply.body()).isEqualTo("web.1");
    MultiMap seen = dyno.received().remove();
    assertThat(seen.get("X-Forwarded-For")).isEqualTo("203.0.113.9");
    assertThat(seen.get("X-Forwarded-Proto")).isEqualTo("https");
    assertThat(seen.get("X-Forwarded-Port")).isEqualTo("443");
    assertThat(seen.get("X-Forwarded-Host")).isEqualTo("alpha.paas.test");
    assertThat(seen.get("Via")).isEqualTo("1.1 paas-router");
    assertThat(nextLogLine().text()).contains(" fwd=\"203.0.113.9\" ").endsWith(" protocol=https");
  }

  @Test
  void overwritesForwardedHeadersAClientSendsToThePublicListener() {
    send(to("alpha.paas.test")
        .putHeader("X-Forwarded-Proto", "https")
        .putHeader("X-Forwarded-Port", "443")
        .putHeader("X-Forwarded-Host", "bank.example"));

    MultiMap seen = dyno.received().remove();
    assertThat(seen.get("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.get("X-Forwarded-Port")).isEqualTo(Integer.toString(routerPort));
    assertThat(seen.get("X-Forwarded-Host")).isEqualTo("alpha.paas.test");
    assertThat(nextLogLine().text()).endsWith(" protocol=http");
  }
}
