package io.paas.controller.addons.redis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The redis.conf of one addon's server. It holds the password, which is why the server reads it from a file only its
 * owner can read and never from its command line, where any local user could see it.
 */
record RedisConfig(int port, String password, String addonHost, RedisPlan plan, Path dir) {
  static final String FILE = "redis.conf";
  static final String PID_FILE = "redis.pid";
  /**
   * Commands an app has no use for and could misuse: CONFIG SET lifts the plan's limits, DEBUG can crash the server,
   * SHUTDOWN NOSAVE drops what was not saved yet. The platform needs none of them: it stops a server with SIGTERM.
   */
  private static final List<String> DISABLED = List.of("CONFIG", "DEBUG", "SHUTDOWN");

  String render() {
    List<String> lines = new ArrayList<>(List.of(
        "port " + port,
        // Loopback for the platform, the docker0 gateway for containers; addonHost may well be loopback too.
        "bind " + String.join(" ", new LinkedHashSet<>(List.of("127.0.0.1", addonHost))),
        "protected-mode yes",
        "daemonize no",
        "logfile \"\"",
        "dir " + quoted(dir.toString()),
        // A redis-server left running by a platform that died is found through it, and stopped, at the next start.
        "pidfile " + quoted(dir.resolve(PID_FILE).toString()),
        "requirepass " + quoted(password),
        "maxmemory " + plan.maxMemoryMb() + "mb",
        "maxmemory-policy noeviction"));
    lines.addAll(plan.persistenceConfig());
    DISABLED.forEach(command -> lines.add("rename-command " + command + " \"\""));
    return String.join("\n", lines) + "\n";
  }

  /** A value as redis.conf reads a double-quoted string. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
