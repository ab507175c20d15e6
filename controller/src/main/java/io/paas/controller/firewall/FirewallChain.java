package io.paas.controller.firewall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rules of the host firewall's chain, as iptables-restore input, from what should be allowed. In order: loopback
 * goes on untouched (the platform calls its own servers there); packets from the app range that belong to a
 * connection the host opened (the router and health checks talking to dynos) are accepted; so are connections from
 * an app's subnet to the shared servers' ports it has addons on, and to its own ports, which are refused to every
 * other source; anything else from the range is refused. Other sources go on to the rest of INPUT.
 */
final class FirewallChain {
  private final String chain;
  private final String appRange;

  FirewallChain(String chain, String appRange) {
    this.chain = chain;
    this.appRange = appRange;
  }

  /** With {@code --noflush}, declaring the chain empties it; only the chain changes. */
  String restoreInput(Collection<PortRule> shared, Collection<PortRule> ownAppOnly) {
    List<String> lines = new ArrayList<>(List.of("*filter", ":" + chain + " - [0:0]",
        "-A " + chain + " -i lo -j RETURN",
        "-A " + chain + " -s " + appRange + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"));
    for (PortRule rule : shared) {
      lines.add(accept(rule));
    }
    for (PortRule rule : ownAppOnly) {
      lines.add(accept(rule));
      lines.add("-A " + chain + " -p tcp --dport " + rule.port() + comment(rule)
          + " -j REJECT --reject-with tcp-reset");
    }
    lines.add("-A " + chain + " -s " + appRange + " -p tcp -j REJECT --reject-with tcp-reset");
    lines.add("-A " + chain + " -s " + appRange + " -j REJECT --reject-with icmp-port-unreachable");
    lines.add("COMMIT");
    return String.join("\n", lines) + "\n";
  }

  private String accept(PortRule rule) {
    return "-A " + chain + " -s " + rule.source() + " -p tcp --dport " + rule.port() + comment(rule) + " -j ACCEPT";
  }

  private static String comment(PortRule rule) {
    return " -m comment --comment \"" + rule.name() + "\"";
  }
}
