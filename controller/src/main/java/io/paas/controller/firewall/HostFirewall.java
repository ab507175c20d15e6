package io.paas.controller.firewall;

import io.paas.common.network.SubnetRange;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Keeps app containers (every app network and build, all in the app range) from this host's services: an iptables
 * chain of the installation's own, jumped to from the top of INPUT, lets them reach the ports allowed here and
 * nothing else of the host, whatever address they aim at (the API, the router, the registry, Caddy, sshd, another
 * app's Redis). See {@link FirewallChain} for the rules.
 *
 * <p>The chain is rebuilt whole from the rules wanted, atomically, on every change, so it converges whatever it held
 * before (a crashed run's chain is taken over). Blocking: call it off the event loop.
 */
public final class HostFirewall implements AutoCloseable {
  /** iptables takes chain names up to 28 characters. */
  private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9_-]{1,28}");

  private final String chain;
  private final String appRange;
  private final FirewallChain rules;
  private final Iptables iptables = new Iptables();
  private final Map<String, PortRule> shared = new TreeMap<>();
  private final Map<String, PortRule> ownAppOnly = new TreeMap<>();

  /** {@code chain} is this firewall's alone ({@code PAAS-FW-1f2e3d4c}): what it held before is replaced. */
  public HostFirewall(String chain, SubnetRange appRange) {
    if (!CHAIN.matcher(chain).matches()) {
      throw new IllegalArgumentException("Not an iptables chain name of 28 characters or fewer: '" + chain + "'");
    }
    this.chain = chain;
    this.appRange = appRange.toString();
    this.rules = new FirewallChain(chain, this.appRange);
  }

  /** Puts the chain in place with what is allowed so far: from the start, apps reach nothing of the host. */
  public synchronized void enforce() {
    iptables.restore(rules.restoreInput(shared.values(), ownAppOnly.values()));
    if (!iptables.succeeds("-C", "INPUT", "-j", chain)) {
      iptables.run("-I", "INPUT", "1", "-j", chain);
    }
  }

  /**
   * Lets {@code rule.source()} connect to its port, on a server apps share (the addon PostgreSQL, SMTP): several
   * apps may each have a rule for the port; the rest of the app range stays refused.
   */
  public synchronized void allowShared(PortRule rule) {
    shared.put(rule.name(), rule);
    enforce();
  }

  /** Lets only {@code rule.source()} connect to its port, and no other source but loopback. */
  public synchronized void allowOnly(PortRule rule) {
    ownAppOnly.put(rule.name(), rule);
    enforce();
  }

  /** Drops the rule of that name: its port is closed to apps again. */
  public synchronized void revoke(String name) {
    shared.remove(name);
    ownAppOnly.remove(name);
    enforce();
  }

  /** Removes the jump and the chain: app containers reach the host as Docker alone allows. */
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
}
