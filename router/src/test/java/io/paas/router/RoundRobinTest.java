package io.paas.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.router.proxy.RoundRobin;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoundRobinTest {
  private final RoundRobin roundRobin = new RoundRobin();
  private final Backend web1 = new Backend("web.1", "127.0.0.1", 5001);
  private final Backend web2 = new Backend("web.2", "127.0.0.1", 5002);
  private final Backend web3 = new Backend("web.3", "127.0.0.1", 5003);

  @Test
  void takesEachAppsBackendsInTurn() {
    List<Backend> alpha = List.of(web1, web2, web3);

    assertThat(roundRobin.next("alpha", alpha, Set.of())).contains(web1);
    assertThat(roundRobin.next("beta", List.of(web3), Set.of())).contains(web3);
    assertThat(roundRobin.next("alpha", alpha, Set.of())).contains(web2);
    assertThat(roundRobin.next("alpha", alpha, Set.of())).contains(web3);
    assertThat(roundRobin.next("alpha", alpha, Set.of())).contains(web1);
  }

  @Test
  void skipsTheBackendsToSkipAndRunsOut() {
    List<Backend> alpha = List.of(web1, web2);

    assertThat(roundRobin.next("alpha", alpha, Set.of(web1))).contains(web2);
    assertThat(roundRobin.next("alpha", alpha, Set.of(web1))).contains(web2);
    assertThat(roundRobin.next("alpha", alpha, Set.of(web1, web2))).isEmpty();
  }
}
