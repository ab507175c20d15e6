package io.paas.controller.firewall;

import java.util.regex.Pattern;

/**
 * A port on this host that only containers from {@code source} may connect to: an app's Redis, open to its app's
 * subnet. {@code name} says what listens there, in the firewall's listing.
 */
public record PortRule(String name, int port, String source) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern IPV4_CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");

  /** Checked, as they end up in iptables-restore's input, one rule a line. */
  public PortRule {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a rule name: '" + name + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Not a port: " + port);
    }
    if (!IPV4_CIDR.matcher(source).matches()) {
      throw new IllegalArgumentException("Not an IPv4 subnet: '" + source + "'");
    }
  }
}
