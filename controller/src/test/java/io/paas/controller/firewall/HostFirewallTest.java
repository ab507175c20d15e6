package io.paas.controller.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paas.common.network.SubnetRange;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host's real iptables, in a chain of the test's own, for a range no packet here comes from (TEST-NET-2). */
class HostFirewallTest {
  private static final SubnetRange NO_TRAFFIC = SubnetRange.parse("198.51.100.0/24");
  private final String chain = "PAAS-TEST-" + UUID.randomUUID().toString().substring(0, 8);
  private final HostFirewall firewall = new HostFirewall(chain, NO_TRAFFIC);

  @AfterEach
  void removeChain() {
    firewall.close();
  }

  @Test
  void enforcedAtOnceItRefusesTheRangeEverythingButRepliesAndSitsAtTheTopOfInput() throws Exception {
    firewall.enforce();

    assertThat(HostRules.list(chain)).containsExactly(
        "-N " + chain,
        "-A " + chain + " -i lo -j RETURN",
        "-A " + chain + " -s 198.51.100.0/24 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
        "-A " + chain + " -s 198.51.100.0/24 -p tcp -j REJECT --reject-with tcp-reset",
        "-A " + chain + " -s 198.51.100.0/24 -j REJECT --reject-with icmp-port-unreachable");
    assertThat(HostRules.list("INPUT")).element(1).isEqualTo("-A INPUT -j " + chain);
  }

  @Test
  void allowsASharedPortToEachAttachedAppAndAnAppsOwnPortToItsSubnetOnly() throws Exception {
    firewall.enforce();
    firewall.allowShared(new PortRule("postgres-amber-1", 40000, "198.51.100.48/28"));
    firewall.allowShared(new PortRule("postgres-blue-2", 40000, "198.51.100.64/28"));
    firewall.allowOnly(new PortRule("redis-amber-1", 40001, "198.51.100.16/28"));

    assertThat(HostRules.list(chain)).containsSubsequence(
        "-A " + chain + " -s 198.51.100.48/28 -p tcp -m tcp --dport 40000 -m comment --comment postgres-amber-1"
            + " -j ACCEPT",
        "-A " + chain + " -s 198.51.100.64/28 -p tcp -m tcp --dport 40000 -m comment --comment postgres-blue-2"
            + " -j ACCEPT",
        "-A " + chain + " -s 198.51.100.16/28 -p tcp -m tcp --dport 40001 -m comment --comment redis-amber-1"
            + " -j ACCEPT",
        "-A " + chain + " -p tcp -m tcp --dport 40001 -m comment --comment redis-amber-1"
            + " -j REJECT --reject-with tcp-reset",
        "-A " + chain + " -s 198.51.100.0/24 -p tcp -j REJECT --reject-with tcp-reset");
  }

  @Test
  void holdsExactlyWhatIsAllowedNowAndJumpsToItOnce() throws Exception {
    firewall.allowOnly(new PortRule("redis-amber-1", 40001, "198.51.100.16/28"));
    firewall.allowOnly(new PortRule("redis-blue-2", 40002, "198.51.100.32/28"));

    firewall.revoke("redis-amber-1");
    firewall.enforce();

    assertThat(HostRules.list(chain)).hasSize(7).noneMatch(rule -> rule.contains("40001"));
    assertThat(HostRules.list("INPUT")).filteredOn(rule -> rule.contains(chain)).hasSize(1);
  }

  @Test
  void closingRemovesTheJumpAndTheChainAndMayBeRepeated() throws Exception {
    firewall.allowShared(new PortRule("smtp-amber-1", 40003, "198.51.100.16/28"));

    firewall.close();
    firewall.close();

    assertThat(HostRules.list()).noneMatch(rule -> rule.contains(chain));
  }

  @Test
  void refusesAChainNameIptablesWouldNotTakeAndARuleThatIsNotOne() {
    assertThatThrownBy(() -> new HostFirewall("PAAS-FW-0123456789abcdefghijk", NO_TRAFFIC))
        .hasMessageContaining("28 characters");
    assertThatThrownBy(() -> new PortRule("redis-amber-1", 40001, "10.214.3.0/24\n-A INPUT -j ACCEPT"))
        .hasMessageContaining("Not an IPv4 subnet");
    assertThatThrownBy(() -> new PortRule("smtp\" -j ACCEPT", 25, "198.51.100.16/28"))
        .hasMessageContaining("Not a rule name");
  }
}
