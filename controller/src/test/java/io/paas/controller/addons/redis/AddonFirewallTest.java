package io.paas.controller.addons.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host's real iptables, in a chain of the test's own. */
class AddonFirewallTest {
  private final String chain = "PAAS-TEST-" + UUID.randomUUID().toString().substring(0, 8);
  private final AddonFirewall firewall = new AddonFirewall(chain);

  @AfterEach
  void removeChain() {
    firewall.close();
  }

  @Test
  void rejectsConnectionsToEachAddonPortFromOutsideItsAppsSubnetAndLetsLoopbackThrough() throws Exception {
    firewall.apply(List.of(new PortRule("redis-amber-1", 40001, "10.214.3.0/24"),
        new PortRule("redis-blue-2", 40002, "10.214.4.0/24")));

    assertThat(HostRules.list(chain)).containsExactly(
        "-N " + chain,
        "-A " + chain + " -i lo -j RETURN",
        "-A " + chain + " ! -s 10.214.3.0/24 -p tcp -m tcp --dport 40001 -m comment --comment \"addon redis-amber-1\""
            + " -j REJECT --reject-with tcp-reset",
        "-A " + chain + " ! -s 10.214.4.0/24 -p tcp -m tcp --dport 40002 -m comment --comment \"addon redis-blue-2\""
            + " -j REJECT --reject-with tcp-reset");
    assertThat(HostRules.list("INPUT")).element(1).isEqualTo("-A INPUT -j " + chain);
  }

  @Test
  void holdsExactlyTheRulesOfTheLastApplyAndJumpsToThemOnce() throws Exception {
    firewall.apply(List.of(new PortRule("redis-amber-1", 40001, "10.214.3.0/24"),
        new PortRule("redis-blue-2", 40002, "10.214.4.0/24")));

    firewall.apply(List.of(new PortRule("redis-blue-2", 40002, "10.214.4.0/24")));
    firewall.apply(List.of(new PortRule("redis-blue-2", 40002, "10.214.4.0/24")));

    assertThat(HostRules.list(chain)).hasSize(3).noneMatch(rule -> rule.contains("40001"));
    assertThat(HostRules.list("INPUT")).filteredOn(rule -> rule.contains(chain)).hasSize(1);
  }

  @Test
  void closingRemovesTheJumpAndTheChainAndMayBeRepeated() throws Exception {
    firewall.apply(List.of(new PortRule("redis-amber-1", 40001, "10.214.3.0/24")));

    firewall.close();
    firewall.close();

    assertThat(HostRules.list()).noneMatch(rule -> rule.contains(chain));
  }

  @Test
  void refusesAChainNameIptablesWouldNotTakeAndARuleThatIsNotOne() {
    assertThatThrownBy(() -> new AddonFirewall("PAAS-ADDONS-0123456789abcdefg"))
        .hasMessageContaining("28 characters");
    assertThatThrownBy(() -> new PortRule("redis-amber-1", 40001, "10.214.3.0/24\n-A INPUT -j ACCEPT"))
        .hasMessageContaining("Not an IPv4 subnet");
  }
}
