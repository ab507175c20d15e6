package io.paas.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.router.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoundRobinTest {
  private final Quarantine quarantine = new Quarantine(Duration.ofMinutes(1));
  private final RoundRobin roundRobin = new RoundRobin(quarantine);
  private final Backend web1 = new Backend("web.1", "127.0.0.1", 5001);
  private final Backend web2 = new Backend("web.2", "127.0.0.1", 5002);
  private final Backend web3 = new Backend("web.3", "127.0.0.1", 5003);

  @Test
  void takesEachAppsBackendsInTurn() {
    List<Backend> alpha = List.of(web1, web2, web3);

    assertThat(roundRobin.next("alpha", alpha, Set.of())).isEqualTo(web1);
    assertThat(roundRobin.next("beta", List.of(web3), Set.of())).isEqualTo(web3);
    assertThat(roundRobin.next("alpha", alpha, Set.of())).isEqualTo(web2);
    assertThat(roundRobin.next("alpha", alpha, Set.of())).isEqualTo(web3);
    assertThat(roundRobin.next("alpha", alpha, Set.of())).isEqualTo(web1);
  }

  @Test
  void skipsTheBackendsAlreadyTriedAndRunsOut() {
    List<Backend> alpha = List.of(web1, web2);

    assertThat(roundRobin.next("alpha", alpha, Set.of(web1))).isEqualTo(web2);
    assertThat(roundRobin.next("alpha", alpha, Set.of(web1))).isEqualTo(web2);
    assertThat(roundRobin.next("alpha", alpha, Set.of(web1, web2))).isNull();
  }

  @Test
  void sharesEvenlyAmongTheBackendsOutOfQuarantine() {
    quarantine.add(web2);

    List<Backend> picked = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      picked.add(roundRobin.next("alpha", List.of(web1, web2, web3), Set.of()));
    }

    assertThat(picked).containsExactly(web1, web3, web1, web3);
  }

  @Test
  void triesQuarantinedBackendsWhenNoOtherIsLeft() {
    quarantine.add(web1);
    quarantine.add(web2);

    assertThat(roundRobin.next("alpha", List.of(web1, web2), Set.of())).isEqualTo(web1);
    assertThat(roundRobin.next("alpha", List.of(web1, web2), Set.of(web1))).isEqualTo(web2);
  }
}
