package io.paas.controller.firewall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What the host's iptables holds, as {@code iptables -S} prints it, for tests to look at. */
public final class HostRules {
  private HostRules() {
  }

  /** The rules of the chain, or of every chain without one; none if the chain does not exist. */
  public static List<String> list(String... chain) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/sbin/iptables", "-w", "10", "-S"));
    command.addAll(List.of(chain));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return process.waitFor() == 0 ? output.lines().toList() : List.of();
  }
}
