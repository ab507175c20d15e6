package io.paas.controller.addons.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps addon ports closed to all but their app's containers: an iptables chain of the firewall's own, jumped to from
 * the top of INPUT, that lets loopback through (the platform's own calls) and rejects a connection to an addon's port
 * from outside its app's subnet. Other traffic goes on to the rest of INPUT untouched.
 *
 * <p>The chain is rebuilt whole from the rules wanted, atomically, so a call converges it whatever it held. Blocking:
 * call it off the event loop.
 */
public final class AddonFirewall implements AutoCloseable {
  /** iptables takes chain names up to 28 characters. */
  private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9_-]{1,28}");

  private final String chain;
  private final Iptables iptables = new Iptables();

  /** {@code chain} is this firewall's alone ({@code PAAS-ADDONS-1f2e3d4c}): what it held before is replaced. */
  public AddonFirewall(String chain) {
    if (!CHAIN.matcher(chain).matches()) {
      throw new IllegalArgumentException("Not an iptables chain name of 28 characters or fewer: '" + chain + "'");
    }
    this.chain = chain;
  }

  /** Makes the chain hold exactly these rules, and INPUT jump to it. */
  public synchronized void apply(Collection<PortRule> rules) {
    iptables.restore(restoreInput(rules));
    if (!iptables.succeeds("-C", "INPUT", "-j", chain)) {
      iptables.run("-I", "INPUT", "1", "-j", chain);
    }
  }

  /** Removes the jump and the chain; the ports are open again. */
  @Override
  public synchronized void close() {
    while (iptables.succeeds("-C", "INPUT", "-j", chain)) {
      iptables.run("-D", "INPUT", "-j", chain);
    }
    if (iptables.succeeds("-S", chain)) {
      iptables.run("-F", chain);
      iptables.run("-X", chain);
    }
  }

  /** With {@code --noflush}, declaring the chain empties it; only the chain changes. */
  private String restoreInput(Collection<PortRule> rules) {
    List<String> lines = new ArrayList<>(List.of("*filter", ":" + chain + " - [0:0]",
        "-A " + chain + " -i lo -j RETURN"));
    for (PortRule rule : rules) {
      lines.add("-A " + chain + " -p tcp --dport " + rule.port() + " ! -s " + rule.subnet()
          + " -m comment --comment \"addon " + rule.addon() + "\" -j REJECT --reject-with tcp-reset");
    }
    lines.add("COMMIT");
    return String.join("\n", lines) + "\n";
  }
}
