package io.paas.controller.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallChainTest {
  private final FirewallChain chain = new FirewallChain("PAAS-FW-TEST", "10.208.0.0/12");

  @Test
  void withNothingAllowedTheAppRangeGetsRepliesOnly() {
    assertThat(chain.restoreInput(List.of(), List.of())).isEqualTo("""
        *filter
        :PAAS-FW-TEST - [0:0]
        -A PAAS-FW-TEST -i lo -j RETURN
        -A PAAS-FW-TEST -s 10.208.0.0/12 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A PAAS-FW-TEST -s 10.208.0.0/12 -p tcp -j REJECT --reject-with tcp-reset
        -A PAAS-FW-TEST -s 10.208.0.0/12 -j REJECT --reject-with icmp-port-unreachable
        COMMIT
        """);
  }

  @Test
  void sharedPortsOpenToTheRangeAndAnAppsOwnPortsToItsSubnetAloneBeforeTheRangeIsRefused() {
    String input = chain.restoreInput(List.of(new PortRule("addon-postgres", 5433, "10.208.0.0/12")),
        List.of(new PortRule("redis-amber-1", 40001, "10.208.3.0/24")));

    assertThat(input.lines().toList()).containsSubsequence(
        "-A PAAS-FW-TEST -s 10.208.0.0/12 -p tcp --dport 5433 -m comment --comment \"addon-postgres\" -j ACCEPT",
        "-A PAAS-FW-TEST -s 10.208.3.0/24 -p tcp --dport 40001 -m comment --comment \"redis-amber-1\" -j ACCEPT",
        "-A PAAS-FW-TEST -p tcp --dport 40001 -m comment --comment \"redis-amber-1\" -j REJECT --reject-with tcp-reset",
        "-A PAAS-FW-TEST -s 10.208.0.0/12 -p tcp -j REJECT --reject-with tcp-reset");
    assertThat(input).doesNotContain("--dport 5433 -m comment --comment \"addon-postgres\" -j REJECT");
  }
}
