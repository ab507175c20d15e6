package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three agent processes on this machine (one Docker engine, each owning only the containers it labeled) and a
 * controller that runs no dynos itself: web=6 spreads two per agent; a killed agent's dynos come back on the other
 * two within 45 s while requests keep being answered; the agent restarted stops nothing still assigned and removes
 * the container it should no longer run.
 */
class AgentsIT {
  @TempDir
  static Path work;
  static Platform platform;
  static WorkTree repo;
  static final String APP = "agents-" + UUID.randomUUID().toString().substring(0, 8);
  static final String RUN = UUID.randomUUID().toString().substring(0, 6);
  static String adminToken;
  static String registry;
  static final List<String> AGENTS = List.of("a-" + RUN, "b-" + RUN, "c-" + RUN);

  @BeforeAll
  static void startPlatform() throws Exception {
    registry = "127.0.0.1:" + Platform.freePort();
    platform = new Platform(work, "--no-local-agent", "--agent-timeout", "6", "--heartbeat-seconds", "1",
        "--registry-port", registry.substring(registry.indexOf(':') + 1));
    platform.start();
    for (String agent : AGENTS) {
      platform.startAgent(agent, "--memory", "2g");
    }
    platform.login();
    repo = new WorkTree(platform, work.resolve("app")).copyApp("scale").commit("v1");
    await("three agents up", () -> agents().size() == 3);
    assertThat(repo.paas("apps:create", APP).exit()).isZero();
    Result push = repo.push();
    assertThat(push.exit()).as(push.all()).isZero();
    assertThat(push.err()).contains("-----> Pushed to the registry " + registry);
    // Agents on other hosts would not have the image: untag the registry's name here so they must pull it.
    String pushed = platform.docker("images", "--format", "{{.Repository}}:{{.Tag}}", registry + "/paas/" + APP)
        .out().trim();
    assertThat(pushed).startsWith(registry + "/paas/" + APP + ":build-");
    assertThat(platform.docker("rmi", pushed).exit()).isZero();
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.closeWithApps(List.of(APP));
    }
  }

  @Test
  void dynosSpreadAndSurviveTheLossOfAnAgent() throws Exception {
    Result scale = repo.paas("ps:scale", "web=6");
    assertThat(scale.exit()).as(scale.all()).isZero();
    await("six dynos up, two on each agent", () -> upCount() == 6
        && agents().stream().allMatch(a -> ((JsonObject) a).getInteger("dynos") == 2));
    Set<String> survivors = new HashSet<>(platform.containersOf(AGENTS.get(0)));
    survivors.addAll(platform.containersOf(AGENTS.get(1)));

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Thread load = new Thread(() -> {
      while (running.get()) {
        sent.incrementAndGet();
        try {
          if (platform.get(APP).statusCode() != 200) {
            failed.incrementAndGet();
          }
        } catch (Exception e) {
          failed.incrementAndGet();
        }
      }
    });
    load.start();

    String lost = AGENTS.get(2);
    List<String> lostContainers = platform.containersOf(lost);
    assertThat(lostContainers).hasSize(2);
    Instant killed = Instant.now();
    platform.killAgent(lost);
    // The host's containers die with it, but one: it comes back with the agent as a stale dyno.
    platform.docker("rm", "-f", lostContainers.get(0));
    String stale = lostContainers.get(1);
    platform.docker("stop", stale);
    await("six dynos up on the two agents left", () -> upCount() == 6 && agents().stream()
        .map(a -> (JsonObject) a).filter(a -> a.getString("name").equals(lost)).allMatch(a -> "lost".equals(
            a.getString("state")) && a.getInteger("dynos") == 0));
    Duration recovered = Duration.between(killed, Instant.now());
    Set<String> answered = new HashSet<>();
    for (int i = 0; i < 200 && answered.size() < 6; i++) {
      answered.add(platform.get(APP).body().trim());
    }
    running.set(false);
    load.join();
    System.out.printf("AgentsIT: recovered in %d ms; %d of %d requests failed meanwhile%n", recovered.toMillis(),
        failed.get(), sent.get());
    assertThat(recovered).isLessThan(Duration.ofSeconds(45));
    assertThat(answered).hasSize(6);
    assertThat(failed.get()).as("requests failed while the loss was detected").isLessThanOrEqualTo(10);

    platform.startAgent(lost, "--memory", "2g");
    await("the stale dyno removed", () -> !platform.containersOf(lost).contains(stale));
    Set<String> after = new HashSet<>(platform.containersOf(AGENTS.get(0)));
    after.addAll(platform.containersOf(AGENTS.get(1)));
    // What the two agents ran before the loss is still assigned to them: the restart stopped none of it.
    assertThat(after).containsAll(survivors);
    assertThat(upCount()).isEqualTo(6);
  }

  private static JsonArray agents() throws Exception {
    return new JsonArray(platform.api("GET", "/agents", adminToken(), null).body());
  }

  private static String adminToken() throws Exception {
    if (adminToken == null) {
      adminToken = new JsonObject(platform.api("POST", "/auth/login", null, new JsonObject()
          .put("email", Platform.ADMIN_EMAIL).put("password", Platform.ADMIN_PASSWORD).encode()).body())
          .getString("token");
    }
    return adminToken;
  }

  private static long upCount() throws Exception {
    return repo.paas("ps").out().lines().filter(line -> line.trim().matches("web\\.\\d+: up.*")).count();
  }

  private static void await(String what, Callable<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!condition.call()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      Thread.sleep(500);
    }
  }
}
