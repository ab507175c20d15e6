package io.paas.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConvergePlanTest {
  private static DynoSpec spec(String name, int release) {
    return new DynoSpec("demo", name, release, "demo:v" + release, null, Map.of(), 0);
  }

  private static Dyno dyno(String id, String app, String name, int release, boolean running) {
    return new Dyno(id, app, name, release, "127.0.0.1", running ? 40000 : 0, running);
  }

  @Test
  void keepsRunningDynosOfTheSameRelease() {
    Dyno web = dyno("c1", "demo", "web.1", 3, true);

    ConvergePlan plan = ConvergePlan.of("demo", List.of(spec("web.1", 3)), List.of(web), Set.of());

    assertThat(plan.keep()).containsExactly(Map.entry("web.1", web));
    assertThat(plan.start()).isEmpty();
    assertThat(plan.stop()).isEmpty();
  }

  @Test
  void replacesOldReleasesAndExitedDynos() {
    Dyno old = dyno("c1", "demo", "web.1", 2, true);
    Dyno exited = dyno("c2", "demo", "web.2", 3, false);

    ConvergePlan plan = ConvergePlan.of("demo", List.of(spec("web.1", 3), spec("web.2", 3)), List.of(old, exited),
        Set.of());

    assertThat(plan.keep()).isEmpty();
    assertThat(plan.start()).containsExactly(spec("web.1", 3), spec("web.2", 3));
    assertThat(plan.stop()).containsExactlyInAnyOrder(old, exited);
  }

  @Test
  void stopsExtraNamesAndDuplicatesButLeavesOtherAppsAlone() {
    Dyno kept = dyno("c1", "demo", "web.1", 1, true);
    Dyno duplicate = dyno("c2", "demo", "web.1", 1, true);
    Dyno scaledAway = dyno("c3", "demo", "web.2", 1, true);
    Dyno otherApp = dyno("c4", "other", "web.1", 1, true);

    ConvergePlan plan = ConvergePlan.of("demo", List.of(spec("web.1", 1)),
        List.of(kept, duplicate, scaledAway, otherApp), Set.of());

    assertThat(plan.keep()).containsExactly(Map.entry("web.1", kept));
    assertThat(plan.stop()).containsExactlyInAnyOrder(duplicate, scaledAway);
  }

  @Test
  void anEmptyDesiredListStopsEverythingOfTheApp() {
    Dyno web = dyno("c1", "demo", "web.1", 1, true);

    ConvergePlan plan = ConvergePlan.of("demo", List.of(), List.of(web), Set.of());

    assertThat(plan.start()).isEmpty();
    assertThat(plan.stop()).containsExactly(web);
    assertThat(plan.serving(List.of())).isEmpty();
  }

  @Test
  void servingListsKeptAndStartedDynosInDesiredOrder() {
    Dyno web2 = dyno("c2", "demo", "web.2", 1, true);
    ConvergePlan plan = ConvergePlan.of("demo", List.of(spec("web.1", 1), spec("web.2", 1), spec("worker.1", 1)),
        List.of(web2), Set.of());
    Dyno web1 = dyno("n1", "demo", "web.1", 1, true);
    Dyno worker = dyno("n2", "demo", "worker.1", 1, true);

    assertThat(plan.serving(List.of(worker, web1))).containsExactly(web1, web2, worker);
  }

  @Test
  void waitingDynosAreNeitherStartedNorKept() {
    Dyno crashedLeftover = dyno("c1", "demo", "web.2", 1, false);

    ConvergePlan plan = ConvergePlan.of("demo", List.of(spec("web.1", 1), spec("web.2", 1)), List.of(crashedLeftover),
        Set.of("web.2"));

    assertThat(plan.start()).containsExactly(spec("web.1", 1));
    assertThat(plan.keep()).isEmpty();
    assertThat(plan.stop()).containsExactly(crashedLeftover);
    Dyno web1 = dyno("n1", "demo", "web.1", 1, true);
    assertThat(plan.serving(List.of(web1))).containsExactly(web1);
  }

  @Test
  void aWaitingDynoThatRunsAfterAllIsKept() {
    Dyno running = dyno("c1", "demo", "web.1", 1, true);

    ConvergePlan plan = ConvergePlan.of("demo", List.of(spec("web.1", 1)), List.of(running), Set.of("web.1"));

    assertThat(plan.keep()).containsExactly(Map.entry("web.1", running));
    assertThat(plan.start()).isEmpty();
  }

  @Test
  void rejectsDuplicateNamesAndSpecsOfAnotherApp() {
    assertThatThrownBy(() -> ConvergePlan.of("demo", List.of(spec("web.1", 1), spec("web.1", 2)), List.of(),
        Set.of()))
        .hasMessage("Dyno web.1 of demo is listed twice.");
    assertThatThrownBy(() -> ConvergePlan.of("other", List.of(spec("web.1", 1)), List.of(), Set.of()))
        .hasMessage("Dyno web.1 belongs to demo, not other.");
  }
}
