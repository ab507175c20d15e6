package io.paas.e2e;

import static io.paas.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynos as a user manages them: scaling web out and back, restarting under load, a formation that does not fit,
 * a process that keeps crashing, and one-off commands. The in-process agent offers 2.5 GB: room for the formation
 * the steps build (web at 3, a basic worker and a basic crasher: 2 GB) and one standard one-off beside it.
 */
@TestMethodOrder(OrderAnnotation.class)
class ScaleIT {
  @TempDir
  static Path work;
  static Platform platform;
  static WorkTree repo;
  static final String APP = "scale-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = new Platform(work, "--agent-memory", "2560");
    platform.start();
    platform.login();
    repo = new WorkTree(platform, work.resolve("app")).copyApp("scale").commit("v1");
    repo.createAndPush(APP);
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.closeWithApps(List.of(APP));
    }
  }

  @Test
  @Order(1)
  void scalingWebOutSpreadsRequestsOverEveryDyno() throws Exception {
    assertThat(repo.paas("ps").out()).contains("=== web (Standard)").contains("web.1: up");
    Result scale = repo.paas("ps:scale", "web=3");
    assertThat(scale.exit()).as(scale.all()).isZero();
    assertThat(scale.out()).contains("now running web at 3:Standard");
    await("three web dynos up", () -> repo.paas("ps").out(), ps -> ps.contains("web.1: up")
        && ps.contains("web.2: up") && ps.contains("web.3: up"));
    Set<String> answered = new HashSet<>();
    for (int i = 0; i < 60 && answered.size() < 3; i++) {
      answered.add(platform.get(APP).body().trim());
    }
    assertThat(answered).containsExactlyInAnyOrder("served by web.1", "served by web.2", "served by web.3");
  }

  @Test
  @Order(2)
  void restartingWebUnderLoadDropsNoRequest() throws Exception {
    RequestLoop load = RequestLoop.start(platform, APP, 1, body -> body.startsWith("served by web."));
    Result restart;
    try (load) {
      restart = repo.paas("ps:restart", "web");
    }
    assertThat(restart.exit()).as(restart.all()).isZero();
    assertThat(load.failures()).as("failed requests during the restart").isEmpty();
    assertThat(load.served()).isGreaterThan(10);
  }

  @Test
  @Order(3)
  void aFormationLargerThanTheClusterIsRefusedAndNothingChanges() throws Exception {
    Result refused = repo.paas("ps:scale", "web=10");
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.err()).contains("Not enough capacity");
    assertThat(repo.paas("ps").out()).contains("=== web (Standard)").contains("(3)").doesNotContain("web.4");
  }

  @Test
  @Order(4)
  void aProcessThatKeepsCrashingRestartsAfterGrowingWaits() throws Exception {
    Result scale = repo.paas("ps:scale", "worker=1:basic", "crasher=1:basic");
    assertThat(scale.exit()).as(scale.all()).isZero();
    String log = await("three restarts of crasher.1", () -> repo.paas("logs", "-n", "1500", "-d", "crasher").out(),
        out -> count(out, "State changed from crashed to starting") >= 3);
    List<Instant> crashed = times(log, "State changed from up to crashed");
    List<Instant> restarted = times(log, "State changed from crashed to starting");
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waits.add(Duration.between(crashed.get(i), restarted.get(i)).toMillis());
    }
    assertThat(waits.get(0)).as("first restart at once: %s", waits).isLessThan(1500);
    assertThat(waits.get(1)).as("then after a wait: %s", waits).isGreaterThan(waits.get(0) + 1000);
    assertThat(waits.get(2)).as("that grows: %s", waits).isGreaterThan(waits.get(1) + 1000);
    assertThat(log).contains("app[crasher.1]: crasher starting");
    await("ps shows the crash", () -> repo.paas("ps").out(), ps -> ps.contains("crasher.1: crashed")
        && ps.contains("restarts"));
    assertThat(repo.paas("logs", "-n", "100", "-d", "worker.1").out()).contains("working on worker.1");
  }

  @Test
  @Order(5)
  void aOneOffCommandStreamsItsOutputAndExitStatus() throws Exception {
    Result run = repo.paas("run", "--", "sh", "-c", "echo hi from $DYNO; exit 3");
    assertThat(run.exit()).as(run.all()).isEqualTo(3);
    assertThat(run.out()).contains("hi from run.");
    assertThat(run.err()).contains("Running").contains("run.");
  }

  @Test
  @Order(6)
  void scalingBackInStopsTheHighestNumbers() throws Exception {
    Result scale = repo.paas("ps:scale", "web=1", "crasher=0", "worker=0");
    assertThat(scale.exit()).as(scale.all()).isZero();
    await("one web dyno left", () -> repo.paas("ps").out(), ps -> ps.contains("web.1: up")
        && !ps.contains("web.2") && !ps.contains("crasher.1") && !ps.contains("worker.1"));
    assertThat(platform.get(APP).body()).contains("served by web.1");
  }

  private static final Pattern TIME = Pattern.compile("^(\\S+) ");

  private static List<Instant> times(String log, String event) {
    List<Instant> times = new ArrayList<>();
    for (String line : log.lines().filter(l -> l.contains(event)).toList()) {
      Matcher m = TIME.matcher(line);
      if (m.find()) {
        times.add(OffsetDateTime.parse(m.group(1)).toInstant());
      }
    }
    return times;
  }

  private static long count(String text, String what) {
    return text.lines().filter(l -> l.contains(what)).count();
  }
}
