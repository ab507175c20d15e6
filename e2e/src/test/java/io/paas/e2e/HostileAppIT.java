package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile tenant: app H, on the same platform as a victim app V with a Redis addon, tries from a one-off dyno to
 * open connections to V's dyno (its container on V's network, its published port at every address of the host), to
 * the platform's API, router and registry at every address of the host, to V's Redis, and looks for the Docker
 * socket; V, which has no PostgreSQL or SMTP addon, cannot reach those shared servers either. The platform listens
 * on every address (--bind 0.0.0.0), as a public install does, so only the host firewall and Docker's isolation
 * stand in the way. Each result is printed. The same probe shows what H may reach by design (the shared addon
 * PostgreSQL and SMTP servers it has addons on) and V its own dyno and Redis, so "closed" means refused.
 */
class HostileAppIT {
  @TempDir
  static Path work;
  static Platform platform;
  static WorkTree victim;
  static WorkTree hostile;
  static int registryPort;
  static final String VICTIM = "victim-" + UUID.randomUUID().toString().substring(0, 8);
  static final String HOSTILE = "hostile-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void startPlatform() throws Exception {
    registryPort = Platform.freePort();
    platform = new Platform(work, "--bind", "0.0.0.0", "--registry-port", String.valueOf(registryPort));
    platform.start();
    platform.login();
    victim = deploy(VICTIM, "redis");
    hostile = deploy(HOSTILE, "postgres", "smtp");
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.closeWithApps(List.of(VICTIM, HOSTILE));
    }
  }

  @Test
  void theHostileAppReachesNothingOfTheVictimsNorThePlatforms() throws Exception {
    String victimDyno = victimDyno();
    int published = Integer.parseInt(platform.docker("port", victimDyno, "5000/tcp").out().strip()
        .replaceFirst(".*:", ""));
    URI redis = victim.addonUrl("REDIS");
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("victim-dyno", containerAddress(victimDyno) + " 5000");
    targets.put("victim-redis", redis.getHost() + " " + redis.getPort());
    targets.put("victim-published@127.0.0.1", "127.0.0.1 " + published);
    for (String address : hostAddresses()) {
      targets.put("victim-published@" + address, address + " " + published);
      targets.put("api@" + address, address + " " + platform.apiPort);
      targets.put("router@" + address, address + " " + platform.routerPort);
      targets.put("registry@" + address, address + " " + registryPort);
    }

    List<String> seen = probe(hostile, targets);

    assertThat(seen).as("what %s reached", HOSTILE).hasSize(targets.size() + 1)
        .allMatch(line -> line.endsWith(" closed") || line.equals("docker.sock absent"))
        .contains("docker.sock absent");
  }

  @Test
  void anAppWithoutTheirAddonsCannotReachTheSharedAddonServers() throws Exception {
    URI postgres = hostile.addonUrl("DATABASE");
    URI smtp = hostile.addonUrl("SMTP");

    assertThat(probe(victim, Map.of(
        "addon-postgres", postgres.getHost() + " " + postgres.getPort(),
        "addon-smtp", smtp.getHost() + " " + smtp.getPort())))
        .contains("addon-postgres closed", "addon-smtp closed");
  }

  @Test
  void theSameProbeReachesWhatEachAppMayReach() throws Exception {
    URI postgres = hostile.addonUrl("DATABASE");
    URI smtp = hostile.addonUrl("SMTP");
    URI redis = victim.addonUrl("REDIS");

    assertThat(probe(hostile, Map.of(
        "addon-postgres", postgres.getHost() + " " + postgres.getPort(),
        "addon-smtp", smtp.getHost() + " " + smtp.getPort())))
        .contains("addon-postgres open", "addon-smtp open");
    assertThat(probe(victim, Map.of(
        "own-dyno", containerAddress(victimDyno()) + " 5000",
        "own-redis", redis.getHost() + " " + redis.getPort())))
        .contains("own-dyno open", "own-redis open");
  }

  /** Creates the app with these addons and pushes the prober app to it. */
  private static WorkTree deploy(String app, String... addons) throws Exception {
    WorkTree repo = new WorkTree(platform, work.resolve(app)).copyApp("prober").commit("v1");
    assertThat(repo.paas("apps:create", app).exit()).isZero();
    for (String addon : addons) {
      Result created = repo.paas("addons:create", addon);
      assertThat(created.exit()).as(created.all()).isZero();
    }
    Result push = repo.push();
    assertThat(push.exit()).as(push.all()).isZero();
    return repo;
  }

  /**
   * Runs the prober in a one-off dyno of the app against each target ({@code "HOST PORT"} by label) and returns its
   * lines: {@code LABEL open|closed}, then whether the Docker socket is there. Prints them, as the test's report.
   */
  private static List<String> probe(WorkTree app, Map<String, String> targets) throws Exception {
    List<String> command = new ArrayList<>(List.of("run", "sh", "/app/probe.sh"));
    targets.forEach((label, target) -> {
      command.add(label);
      command.addAll(List.of(target.split(" ")));
    });
    Result run = app.paas(command.toArray(String[]::new));
    assertThat(run.exit()).as(run.all()).isZero();
    System.out.println("Probes from " + app.dir.getFileName() + ":\n" + run.out());
    return run.out().lines().toList();
  }

  /** The container of the victim's web dyno. */
  private static String victimDyno() throws Exception {
    String id = platform.docker("ps", "-q", "--filter", "label=paas.app=" + VICTIM, "--filter",
        "label=paas.dyno=web.1").out().strip();
    assertThat(id).as("the victim's web.1 container").isNotEmpty().doesNotContain("\n");
    return id;
  }

  /** The container's address on its app's network. */
  private static String containerAddress(String container) throws Exception {
    return platform.docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", container)
        .out().strip();
  }

  /** Every IPv4 address of this host but loopback: docker0, each app network's gateway, the machine's own. */
  private static List<String> hostAddresses() throws Exception {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .map(InetAddress::getHostAddress)
        .toList();
  }
}
