package io.paas.e2e;

import static io.paas.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure drills on the control plane, each on a platform of its own and asserting what users would see: the
 * controller killed while apps serve, its PostgreSQL killed under API calls, Caddy killed under HTTPS.
 */
class ControlPlaneDrillsIT {
  private static final String ANSWER = "served by web\\.\\d\\n?";
  /** Agents are lost after this long without a heartbeat; the controller stays dead for longer than that. */
  private static final int AGENT_TIMEOUT_SECONDS = 6;

  @TempDir
  Path work;

  /**
   * The split setup, where the router and the agent are processes of their own: the controller killed with SIGKILL
   * while a client loop goes through the standalone router. Nothing fails while it is gone, the dynos keep running,
   * and the controller started again on the same data dir takes over what it left: its PostgreSQL, the agent, the
   * apps, releases and config, and takes new changes.
   */
  @Test
  void aKilledControllerLosesNothingAndTheAppsKeepServing() throws Exception {
    String app = "drill-" + UUID.randomUUID().toString().substring(0, 8);
    String agent = "drill-agent-" + UUID.randomUUID().toString().substring(0, 6);
    Platform platform = new Platform(work, "--no-local-agent", "--agent-timeout",
        String.valueOf(AGENT_TIMEOUT_SECONDS));
    Process router = null;
    try {
      platform.start();
      platform.startAgent(agent, "--memory", "2g");
      platform.login();
      WorkTree repo = new WorkTree(platform, work.resolve("app")).copyApp("scale").commit("v1");
      await("the agent up", () -> agents(platform).encode(), json -> json.contains("\"up\""));
      repo.createAndPush(app);
      succeeds(repo.paas("ps:scale", "web=2"));
      succeeds(repo.paas("config:set", "BEFORE_THE_KILL=kept"));
      awaitWebUp(repo, 2);
      int routerPort = Platform.freePort();
      router = platform.startRouter(routerPort, work.resolve("router"));
      await("the standalone router serving the app", () -> String.valueOf(platform.get(routerPort,
          app + ".localhost", "/").statusCode()), "200"::equals);
      List<String> containers = platform.containersOf(agent);
      assertThat(containers).hasSize(2);
      String releasesBefore = platform.api("GET", "/apps/" + app + "/releases", platform.token(), null).body();
      long postgres = postmasterPid(platform);

      RequestLoop load = RequestLoop.start(platform, routerPort, app, 2, body -> body.matches(ANSWER));
      int servedWhileDown;
      Duration reconciled;
      try (load) {
        await("requests served before the kill", () -> String.valueOf(load.served()), n -> Integer.parseInt(n) > 20);
        platform.kill();
        Instant killed = Instant.now();
        int servedAtKill = load.served();
        // Dead for longer than the agent timeout, so that a controller that took the silence while it was gone
        // for lost agents would show it.
        await("the controller gone past the agent timeout", () -> String.valueOf(Duration.between(killed,
            Instant.now()).toSeconds()), seconds -> Long.parseLong(seconds) > AGENT_TIMEOUT_SECONDS + 2);
        servedWhileDown = load.served() - servedAtKill;
        assertThat(load.failures()).as("requests failed while the controller was dead").isEmpty();
        assertThat(platform.containersOf(agent)).as("the dynos while the controller was dead")
            .containsExactlyInAnyOrderElementsOf(containers);
        System.out.printf("ControlPlaneDrillsIT: controller dead %d ms; its PostgreSQL (pid %d) %s%n",
            Duration.between(killed, Instant.now()).toMillis(), postgres,
            ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false) ? "outlived it" : "died with it");

        Instant restarted = Instant.now();
        platform.start();
        await("the agent back and both dynos up", () -> agents(platform).encode() + repo.paas("ps").out(),
            seen -> seen.contains("\"up\"") && upCount(seen) == 2);
        reconciled = Duration.between(restarted, Instant.now());
        // A few more requests through the router once the restarted controller's table is the one it follows.
        int served = load.served();
        await("requests served after the restart", () -> String.valueOf(load.served()),
            n -> Integer.parseInt(n) > served + 50);
      }
      System.out.printf("ControlPlaneDrillsIT: %d requests served while the controller was dead, %d failed; "
          + "reconciled %d ms after its restart; %d served in all%n", servedWhileDown, load.failures().size(),
          reconciled.toMillis(), load.served());
      assertThat(load.failures()).as("failed requests").isEmpty();
      assertThat(servedWhileDown).isGreaterThan(50);
      assertThat(platform.containersOf(agent)).as("the dynos after the restart")
          .containsExactlyInAnyOrderElementsOf(containers);
      assertThat(ProcessHandle.of(postgres).map(ProcessHandle::isAlive).orElse(false))
          .as("the PostgreSQL the killed controller left").isFalse();
      assertThat(ProcessHandle.of(postmasterPid(platform)).map(ProcessHandle::isAlive)).contains(true);

      assertThat(platform.serverLog()).as("agents the restarted controller took for lost")
          .doesNotContain("marked lost");
      assertThat(repo.paas("apps").out()).contains(app);
      assertThat(repo.paas("config").out()).contains("BEFORE_THE_KILL").contains("kept");
      assertThat(platform.api("GET", "/apps/" + app + "/releases", platform.token(), null).body())
          .isEqualTo(releasesBefore);
      succeeds(repo.paas("config:set", "AFTER_THE_RESTART=yes"));
      await("two dynos of the new release", () -> String.join(" ", platform.containersOf(agent)),
          ids -> ids.split(" ").length == 2 && containers.stream().noneMatch(ids::contains));
      awaitWebUp(repo, 2);
      // A standalone router learns of the new dynos within one long-poll (the drain does not wait for it yet).
      await("the new release through the standalone router", () -> platform.get(routerPort, app + ".localhost", "/")
          .body(), body -> body.matches(ANSWER));
    } finally {
      if (router != null) {
        router.destroy();
        router.waitFor(30, TimeUnit.SECONDS);
      }
      platform.closeWithApps(List.of(app));
    }
  }

  /**
   * Caddy, which the platform runs in front of its router for HTTPS, killed with SIGKILL: the platform starts another
   * and HTTPS with the platform's CA answers again. Then the platform killed with its Caddy still running: the next
   * start ends that one and serves HTTPS again.
   */
  @Test
  void aKilledCaddyIsStartedAgainAndHttpsAnswersAgain() throws Exception {
    String app = "drill-" + UUID.randomUUID().toString().substring(0, 8);
    int httpsPort = Platform.freePort();
    Platform platform = new Platform(work, "--https-port", String.valueOf(httpsPort), "--http-redirect-port",
        String.valueOf(Platform.freePort()));
    try {
      platform.start();
      platform.login();
      new WorkTree(platform, work.resolve("app")).copyApp("scale").commit("v1").createAndPush(app);
      Path rootCa = platform.dataDir.resolve("caddy/pki/authorities/local/root.crt");
      await("Caddy's root certificate", () -> String.valueOf(Files.exists(rootCa)), "true"::equals);
      String host = app + ".localhost";
      List<String> https = List.of("--cacert", rootCa.toString(), "--resolve", host + ":" + httpsPort + ":127.0.0.1",
          "https://" + host + ":" + httpsPort + "/");
      await("HTTPS for " + host, () -> platform.curl(https), out -> out.matches(ANSWER));
      ProcessHandle caddy = caddyOf(platform);

      caddy.destroyForcibly();
      Instant killed = Instant.now();
      assertThat(caddy.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
      await("HTTPS for " + host + " after Caddy was killed", () -> platform.curl(https),
          out -> out.matches(ANSWER));
      Duration recovered = Duration.between(killed, Instant.now());
      System.out.printf("ControlPlaneDrillsIT: HTTPS answered again %d ms after Caddy was killed%n",
          recovered.toMillis());
      assertThat(recovered).isLessThan(Duration.ofSeconds(15));
      ProcessHandle restarted = caddyOf(platform);
      assertThat(restarted.pid()).isNotEqualTo(caddy.pid());

      // Killed with the platform, Caddy outlives it holding the HTTPS port: the next start must end it.
      platform.kill();
      System.out.printf("ControlPlaneDrillsIT: Caddy (pid %d) %s the killed platform%n", restarted.pid(),
          restarted.isAlive() ? "outlived" : "died with");
      platform.start();
      assertThat(restarted.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("the Caddy the killed platform left")
          .isFalse();
      await("HTTPS for " + host + " after the platform's restart", () -> platform.curl(https),
          out -> out.matches(ANSWER));
    } finally {
      platform.closeWithApps(List.of(app));
    }
  }

  /**
   * The control plane's PostgreSQL killed with SIGKILL under a steady stream of apps:create and config:set calls: the
   * platform starts it again, calls made meanwhile fail with a 503 that says so (never a 500, never a hang), and every
   * call that was acknowledged, before or after, is in the store.
   */
  @Test
  void aKilledDatabaseIsStartedAgainAndNoAcknowledgedCallIsLost() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    Platform platform = new Platform(work, "--quota-apps", "10000");
    try {
      platform.start();
      platform.login();
      String token = platform.token();
      String app = "drill-pg-" + run;
      assertThat(platform.api("POST", "/apps", token, new JsonObject().put("name", app).encode()).statusCode())
          .isEqualTo(201);
      ApiLoop creates = ApiLoop.start(i -> platform.api("POST", "/apps", token,
          new JsonObject().put("name", "drill-" + run + "-" + i).encode()));
      ApiLoop configs = ApiLoop.start(i -> platform.api("PATCH", "/apps/" + app + "/config-vars", token,
          new JsonObject().put("KEY_" + i, "value-" + i).encode()));
      Duration outage;
      long postmaster = postmasterPid(platform);
      try (creates; configs) {
        await("calls acknowledged before the kill", () -> creates.acknowledged().size() + " "
            + configs.acknowledged().size(), atLeast(10, 3));
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        Instant killed = Instant.now();
        await("an app created after the kill", () -> creates.firstAcknowledgedAfter(killed).toString(),
            first -> !first.equals("Optional.empty"));
        outage = Duration.between(killed, creates.firstAcknowledgedAfter(killed).orElseThrow());
        int createsBack = creates.acknowledged().size();
        int configsBack = configs.acknowledged().size();
        await("more calls acknowledged after the restart", () -> creates.acknowledged().size() + " "
            + configs.acknowledged().size(), atLeast(createsBack + 10, configsBack + 3));
      }
      System.out.printf("ControlPlaneDrillsIT: PostgreSQL down %d ms; %d calls acknowledged, %d answered 503%n",
          outage.toMillis(), creates.acknowledged().size() + configs.acknowledged().size(),
          creates.unavailable() + configs.unavailable());
      assertThat(creates.failures()).as("calls that failed otherwise than with a 503").isEmpty();
      assertThat(configs.failures()).as("calls that failed otherwise than with a 503").isEmpty();
      assertThat(outage).isLessThan(Duration.ofSeconds(30));
      long restarted = postmasterPid(platform);
      assertThat(restarted).isNotEqualTo(postmaster);
      assertThat(ProcessHandle.of(restarted).map(ProcessHandle::isAlive)).contains(true);

      for (int i : creates.acknowledged()) {
        assertThat(platform.api("GET", "/apps/drill-" + run + "-" + i, token, null).statusCode())
            .as("acknowledged app %d", i).isEqualTo(200);
      }
      JsonObject config = new JsonObject(platform.api("GET", "/apps/" + app + "/config-vars", token, null).body());
      for (int i : configs.acknowledged()) {
        assertThat(config.getString("KEY_" + i)).as("acknowledged config var %d", i).isEqualTo("value-" + i);
      }
    } finally {
      platform.close();
    }
  }

  /** Accepts counts read as "N M" once N and M are at least these. */
  private static Predicate<String> atLeast(int first, int second) {
    return counts -> {
      String[] both = counts.split(" ");
      return Integer.parseInt(both[0]) >= first && Integer.parseInt(both[1]) >= second;
    };
  }

  /** The one caddy process the platform runs. */
  private static ProcessHandle caddyOf(Platform platform) {
    List<ProcessHandle> caddies = platform.serverProcess().descendants().filter(process -> process.info().command()
        .map(command -> Path.of(command).getFileName().toString().equals("caddy")).orElse(false)).toList();
    assertThat(caddies).hasSize(1);
    return caddies.get(0);
  }

  private static JsonArray agents(Platform platform) throws Exception {
    String token = new JsonObject(platform.api("POST", "/auth/login", null, new JsonObject()
        .put("email", Platform.ADMIN_EMAIL).put("password", Platform.ADMIN_PASSWORD).encode()).body())
        .getString("token");
    return new JsonArray(platform.api("GET", "/agents", token, null).body());
  }

  /** The pid in the control-plane PostgreSQL's lock file: its postmaster's. */
  private static long postmasterPid(Platform platform) throws Exception {
    return Long.parseLong(Files.readAllLines(platform.dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
  }

  private static void awaitWebUp(WorkTree repo, int count) throws Exception {
    await("web at " + count, () -> repo.paas("ps").out(), ps -> upCount(ps) == count && !ps.contains("starting"));
  }

  private static long upCount(String ps) {
    return ps.lines().filter(line -> line.trim().matches("web\\.\\d+: up.*")).count();
  }

  private static void succeeds(Result result) {
    assertThat(result.exit()).as(result.all()).isZero();
  }
}
