package io.paas.controller.addons.redis;

import java.util.regex.Pattern;

/** An addon's port, which only the containers on its app's network, {@code subnet}, may connect to. */
public record PortRule(String addon, int port, String subnet) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern IPV4_CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");

  /** Checked, as they end up in iptables-restore's input, one rule a line. */
  public PortRule {
    if (!NAME.matcher(addon).matches()) {
      throw new IllegalArgumentException("Not an addon name: '" + addon + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Not a port: " + port);
    }
    if (!IPV4_CIDR.matcher(subnet).matches()) {
      throw new IllegalArgumentException("Not an IPv4 subnet: '" + subnet + "'");
    }
  }
}
