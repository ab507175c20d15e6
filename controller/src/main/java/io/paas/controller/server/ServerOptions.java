package io.paas.controller.server;

import io.paas.common.network.SubnetRange;
import io.paas.controller.logs.drains.DrainLimits;
import io.paas.controller.quota.QuotaLimits;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** paas-server's command line. */
final class ServerOptions {
  @Option(names = "--data-dir", description = "Where the platform keeps its state (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of(System.getProperty("user.home"), ".paas");

  @Option(names = "--api-port", description = "Platform API, git and web console port (default: ${DEFAULT-VALUE}).")
  int apiPort = 5000;

  @Option(names = "--router-port", description = "HTTP router port (default: ${DEFAULT-VALUE}).")
  int routerPort = 8080;

  @Option(names = "--bind", description = "Address the API and router listen on (default: ${DEFAULT-VALUE}).")
  String bind = "127.0.0.1";

  @Option(names = "--domain", description = "Apps answer at APP.DOMAIN (default: ${DEFAULT-VALUE}).")
  String domain = "localhost";

  @Option(names = "--api-url", description = "The API's URL as users reach it (default: http://BIND:API_PORT).")
  String apiUrl;

  @Option(names = "--database-url", description = "postgresql://user:password@host:port/db; "
      + "without it an embedded PostgreSQL keeps its data in the data dir.")
  String databaseUrl;

  @Option(names = "--max-push-size", description = "Largest git push accepted, in MB (default: ${DEFAULT-VALUE}).")
  long maxPushMegabytes = 500;

  @Option(names = "--build-disk-limit", description = "Disk an app's build may fill, in MB: what it adds to the "
      + "images it starts from, the running step's writes included (default: ${DEFAULT-VALUE}).")
  long buildDiskMegabytes = 10 * 1024;

  @Option(names = "--reconcile-seconds", description = "How often dynos are checked and converged "
      + "(default: ${DEFAULT-VALUE}).")
  long reconcileSeconds = 10;

  @Option(names = "--registry-port", description = "Run the image registry on 127.0.0.1:PORT and push every "
      + "built image to it, for agents on other hosts (a single-host install needs none).")
  Integer registryPort;

  @Option(names = "--log-lines", description = "Recent log lines kept per app (default: ${DEFAULT-VALUE}).")
  int logLines = 1500;

  @Option(names = "--agent-memory", description = "Memory the in-process agent offers dynos, in MB "
      + "(default: this machine's memory less 2 GB for the platform).")
  Long agentMemoryMegabytes;

  @Option(names = "--agent-cpus", description = "CPUs the in-process agent offers dynos (default: 8 per core: "
      + "CPU limits cap a dyno's share, and dynos rarely all peak at once).")
  Double agentCpus;

  @Option(names = "--agent-token", description = "Token agents present to register; without it one is made once "
      + "and kept in DATA_DIR/agent-token.")
  String agentToken;

  @Option(names = "--agent-timeout", description = "Seconds without a heartbeat before an agent is lost and its "
      + "dynos move (default: ${DEFAULT-VALUE}).")
  long agentTimeoutSeconds = 30;

  @Option(names = "--heartbeat-seconds", description = "How often agents report (default: ${DEFAULT-VALUE}).")
  int heartbeatSeconds = 5;

  @Option(names = "--no-local-agent", description = "Run no dynos on this host: only agents started with "
      + "`paas-server agent` do.")
  boolean noLocalAgent;

  @Option(names = "--https-port", description = "Serve apps over HTTPS on this port through Caddy, which the "
      + "platform starts and configures (default: no HTTPS).")
  Integer httpsPort;

  @Option(names = "--http-redirect-port", description = "With --https-port: plain HTTP port that redirects to "
      + "HTTPS and answers ACME challenges (default: ${DEFAULT-VALUE}).")
  int httpRedirectPort = 80;

  @Option(names = "--acme-email", description = "With --https-port: get certificates for public names from "
      + "Let's Encrypt with this contact email (default: every certificate from Caddy's own local CA).")
  String acmeEmail;

  @Option(names = "--app-subnets", description = "IPv4 range each app's own container network takes a /24 of; "
      + "the host firewall lets it reach the addon servers' ports on this host and nothing else "
      + "(default: ${DEFAULT-VALUE}).")
  String appSubnets = SubnetRange.DEFAULT;

  @Option(names = "--addon-host", description = "Address containers reach this host's addon servers on "
      + "(default: the gateway of Docker's bridge network, e.g. 172.17.0.1).")
  String addonHost;

  @Option(names = "--addon-postgres-url", description = "postgres://admin:password@host:port/postgres of a server "
      + "to make PostgreSQL addons on (default: an embedded one in DATA/addon-postgres).")
  String addonPostgresUrl;
  @Option(names = "--drain-ca", paramLabel = "FILE", description = "A PEM file of CA certificates that TLS log "
      + "drains trust besides the JVM's (repeatable).")
  List<Path> drainCaFiles = List.of();

  @Option(names = "--open-signup", description = "Let anyone create an account with POST /users (a few per "
      + "address); without it only admins create users.")
  boolean openSignup;

  @Option(names = "--login-token-days", description = "Days a token from logging in with a password lasts "
      + "(default: ${DEFAULT-VALUE}); tokens made with `paas auth:token` last as long as asked.")
  int loginTokenDays = 30;

  @Option(names = "--drain-buffer", description = "Lines each log drain holds while its receiver is down; the "
      + "oldest are dropped and counted past it (default: ${DEFAULT-VALUE}).")
  int drainBuffer = DrainLimits.DEFAULT.capacity();

  @Option(names = "--quota-apps", description = "Apps a user may own, unless an admin set them another limit "
      + "(default: ${DEFAULT-VALUE}).")
  long quotaApps = 50;

  @Option(names = "--quota-dynos", description = "Dynos the formations of a user's apps may ask for in all "
      + "(default: ${DEFAULT-VALUE}).")
  long quotaDynos = 100;

  @Option(names = "--quota-memory", description = "Memory those dynos may take in all, in MB "
      + "(default: ${DEFAULT-VALUE}).")
  long quotaMemoryMegabytes = 64 * 1024;

  @Option(names = "--quota-addons", description = "Addons a user's apps may have in all (default: ${DEFAULT-VALUE}).")
  long quotaAddons = 50;

  @Option(names = "--quota-builds", description = "Builds of a user's apps that may run at once "
      + "(default: ${DEFAULT-VALUE}).")
  long quotaBuilds = 2;

  QuotaLimits quotaLimits() {
    return QuotaLimits.of(quotaApps, quotaDynos, quotaMemoryMegabytes, quotaAddons, quotaBuilds);
  }

  DrainLimits drainLimits() {
    return DrainLimits.DEFAULT.withCapacity(drainBuffer);
  }

  long agentMemoryBytes() {
    if (agentMemoryMegabytes != null) {
      return agentMemoryMegabytes * 1024 * 1024;
    }
    return HostCapacity.memoryBytes();
  }

  double agentCpus() {
    return agentCpus != null ? agentCpus : HostCapacity.cpus();
  }

  String apiUrl() {
    return apiUrl != null ? apiUrl.replaceAll("/+$", "") : "http://" + bind + ":" + apiPort;
  }
}
