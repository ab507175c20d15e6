package io.paas.controller.scheduler;

import static io.paas.controller.scheduler.DynoSize.BASIC;
import static io.paas.controller.scheduler.DynoSize.PERFORMANCE;
import static io.paas.controller.scheduler.DynoSize.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;

import io.paas.controller.scheduler.PlacementPlan.Placed;
import io.paas.controller.scheduler.PlacementPlan.Shortfall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private static final long MB = 1024L * 1024;
  private static final long GB = 1024 * MB;

  @Test
  void placesNewDynosEvenlyAcrossThreeHosts() {
    List<Host> hosts = List.of(host("h1", 4 * GB, 4), host("h2", 4 * GB, 4), host("h3", 4 * GB, 4));

    List<Placement> placements = placed(Scheduler.place(dynos("shop", "web", 6, STANDARD), hosts, List.of()));

    assertThat(placements).hasSize(6);
    assertThat(dynosPerHost(placements)).containsOnly(Map.entry("h1", 2L), Map.entry("h2", 2L), Map.entry("h3", 2L));
  }

  @Test
  void placesNewDynosOnTheLeastLoadedHost() {
    List<Host> hosts = List.of(host("h1", 4 * GB, 4), host("h2", 4 * GB, 4));
    List<DynoRequest> wanted = new ArrayList<>(dynos("blog", "web", 1, PERFORMANCE));
    wanted.addAll(dynos("shop", "web", 1, STANDARD));

    List<Placement> placements = placed(Scheduler.place(wanted, hosts, List.of()));

    assertThat(placements).containsExactly(
        new Placement("blog", "web.1", "h1"),
        new Placement("shop", "web.1", "h2"));
  }

  @Test
  void keepsEveryDynoWhereItIsWhenNothingChanged() {
    List<Host> hosts = List.of(host("h1", 4 * GB, 4), host("h2", 2 * GB, 4), host("h3", 4 * GB, 4));
    List<DynoRequest> wanted = new ArrayList<>(dynos("shop", "web", 5, STANDARD));
    wanted.addAll(dynos("shop", "worker", 2, PERFORMANCE));
    List<Placement> first = placed(Scheduler.place(wanted, hosts, List.of()));

    List<Placement> second = placed(Scheduler.place(wanted, hosts, first));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void keepsRunningDynosWhereTheyAreEvenWhenTheSpreadIsUneven() {
    List<Host> hosts = List.of(host("h1", 4 * GB, 4), host("h2", 4 * GB, 4));
    List<Placement> current = List.of(
        new Placement("shop", "web.1", "h1"), new Placement("shop", "web.2", "h1"));

    List<Placement> placements = placed(Scheduler.place(dynos("shop", "web", 3, STANDARD), hosts, current));

    assertThat(placements).containsExactly(
        new Placement("shop", "web.1", "h1"),
        new Placement("shop", "web.2", "h1"),
        new Placement("shop", "web.3", "h2"));
  }

  @Test
  void movesTheDynosOfALostHostToTheOthersSpreadOut() {
    List<Host> hosts = List.of(host("h1", 4 * GB, 4), host("h2", 4 * GB, 4), host("h3", 4 * GB, 4));
    List<DynoRequest> wanted = dynos("shop", "web", 6, STANDARD);
    List<Placement> before = placed(Scheduler.place(wanted, hosts, List.of()));
    List<Host> h3Lost = List.of(hosts.get(0), hosts.get(1), lost("h3", 4 * GB, 4));

    List<Placement> after = placed(Scheduler.place(wanted, h3Lost, before));

    assertThat(dynosPerHost(after)).containsOnly(Map.entry("h1", 3L), Map.entry("h2", 3L));
    assertThat(after).containsAll(before.stream().filter(placement -> !placement.hostId().equals("h3")).toList());
  }

  @Test
  void placesDynosWhoseHostIsUnknownAsIfItWereLost() {
    List<Host> hosts = List.of(host("h1", 4 * GB, 4));
    List<Placement> current = List.of(new Placement("shop", "web.1", "gone"));

    List<Placement> placements = placed(Scheduler.place(dynos("shop", "web", 1, STANDARD), hosts, current));

    assertThat(placements).containsExactly(new Placement("shop", "web.1", "h1"));
  }

  @Test
  void refusesAFormationLargerThanTheClusterSayingHowMuchMemoryIsShort() {
    List<Host> hosts = List.of(host("h1", GB, 8), host("h2", GB, 8));
    List<DynoRequest> wanted = new ArrayList<>(dynos("api", "worker", 2, BASIC));
    wanted.addAll(dynos("shop", "web", 6, STANDARD));
    List<Placement> current = List.of(
        new Placement("api", "worker.1", "h1"), new Placement("api", "worker.2", "h2"));

    PlacementPlan plan = Scheduler.place(wanted, hosts, current);

    assertThat(plan).isInstanceOf(Shortfall.class);
    Shortfall shortfall = (Shortfall) plan;
    assertThat(shortfall.message()).isEqualTo("Not enough capacity for web.3-web.6 (standard, 512 MB each): "
        + "1.5 GB more memory is needed; 2 hosts up with 512 MB free in all.");
    assertThat(shortfall.unplaced()).extracting(DynoRequest::name)
        .containsExactlyInAnyOrder("web.3", "web.4", "web.5", "web.6");
  }

  @Test
  void refusesWhenCpuIsShortEvenThoughMemoryIsFree() {
    List<Host> hosts = List.of(host("h1", 8 * GB, 1), host("h2", 8 * GB, 1.5));

    PlacementPlan plan = Scheduler.place(dynos("shop", "web", 4, STANDARD), hosts, List.of());

    assertThat(plan).isEqualTo(new Shortfall("Not enough capacity for web.3-web.4 (standard, 1 CPU each): "
        + "1.5 more CPUs are needed; 2 hosts up with 0.5 CPU free in all.",
        dynos("shop", "web", 4, STANDARD).subList(2, 4)));
  }

  @Test
  void namesBothMemoryAndCpuWhenBothAreShort() {
    List<Host> hosts = List.of(host("h1", GB, 1));

    PlacementPlan plan = Scheduler.place(dynos("shop", "web", 3, STANDARD), hosts, List.of());

    assertThat(((Shortfall) plan).message()).isEqualTo("Not enough capacity for web.2-web.3 "
        + "(standard, 512 MB and 1 CPU each): 512 MB more memory and 2 more CPUs are needed; "
        + "1 host up with 512 MB and 0 CPUs free in all.");
  }

  @Test
  void refusesWhenTheFreeRoomIsSplitSoThatNoHostHasEnough() {
    List<Host> hosts = List.of(host("h1", 768 * MB, 4), host("h2", 768 * MB, 4));
    List<DynoRequest> wanted = new ArrayList<>(dynos("shop", "web", 2, STANDARD));
    wanted.addAll(dynos("shop", "worker", 1, STANDARD));

    PlacementPlan plan = Scheduler.place(wanted, hosts, List.of());

    assertThat(((Shortfall) plan).message()).isEqualTo("Not enough capacity for worker.1 "
        + "(standard, 512 MB and 1 CPU each): no single host has room for one; "
        + "2 hosts up with 512 MB and 6 CPUs free in all.");
  }

  @Test
  void refusesEverythingWhenNoHostIsUp() {
    List<Host> hosts = List.of(lost("h1", 8 * GB, 8));

    PlacementPlan plan = Scheduler.place(dynos("shop", "web", 2, PERFORMANCE), hosts, List.of());

    assertThat(((Shortfall) plan).message()).isEqualTo("Not enough capacity for web.1-web.2 "
        + "(performance, 2 GB and 2 CPUs each): 4 GB more memory and 4 more CPUs are needed; no hosts are up.");
  }

  @Test
  void namesTheAppsWhenTheShortDynosBelongToSeveral() {
    List<Host> hosts = List.of(host("h1", 512 * MB, 8));
    List<DynoRequest> wanted = new ArrayList<>(dynos("shop", "web", 2, BASIC));
    wanted.addAll(dynos("blog", "web", 2, BASIC));
    List<Placement> current = List.of(new Placement("blog", "web.1", "h1"), new Placement("shop", "web.1", "h1"));

    PlacementPlan plan = Scheduler.place(wanted, hosts, current);

    assertThat(((Shortfall) plan).message()).isEqualTo("Not enough capacity for "
        + "web.2 of blog (basic, 256 MB each), web.2 of shop (basic, 256 MB each): "
        + "512 MB more memory is needed; 1 host up with 0 MB free in all.");
  }

  @Test
  void placesBigDynosFirstSoThatAMixOfSizesFits() {
    List<Host> hosts = List.of(host("h1", 2 * GB, 4), host("h2", 2 * GB, 4));
    List<DynoRequest> wanted = new ArrayList<>(dynos("shop", "web", 2, BASIC));
    wanted.addAll(dynos("shop", "worker", 1, PERFORMANCE));

    List<Placement> placements = placed(Scheduler.place(wanted, hosts, List.of()));

    assertThat(placements).containsExactly(
        new Placement("shop", "web.1", "h2"),
        new Placement("shop", "web.2", "h2"),
        new Placement("shop", "worker.1", "h1"));
  }

  @Test
  void scalingDownKeepsTheOtherDynosWhereTheyAre() {
    List<Host> hosts = List.of(host("h1", 4 * GB, 4), host("h2", 4 * GB, 4), host("h3", 4 * GB, 4));
    List<Placement> before = placed(Scheduler.place(dynos("shop", "web", 6, STANDARD), hosts, List.of()));

    List<Placement> after = placed(Scheduler.place(dynos("shop", "web", 2, STANDARD), hosts, before));

    assertThat(after).containsExactlyElementsOf(before.subList(0, 2));
  }

  @Test
  void movesADynoThatGrewTooBigForItsHostAndKeepsTheRest() {
    List<Host> hosts = List.of(host("h1", GB, 4), host("h2", 4 * GB, 4));
    List<Placement> current = List.of(
        new Placement("shop", "web.1", "h1"), new Placement("shop", "worker.1", "h1"));
    List<DynoRequest> wanted = List.of(
        new DynoRequest("shop", "web.1", "web", BASIC), new DynoRequest("shop", "worker.1", "worker", STANDARD),
        new DynoRequest("shop", "web.2", "web", BASIC));
    List<Placement> settled = placed(Scheduler.place(wanted, hosts, current));
    List<DynoRequest> workerGrew = List.of(wanted.get(0), new DynoRequest("shop", "worker.1", "worker", PERFORMANCE),
        wanted.get(2));

    List<Placement> after = placed(Scheduler.place(workerGrew, hosts, settled));

    assertThat(settled).containsExactly(new Placement("shop", "web.1", "h1"),
        new Placement("shop", "worker.1", "h1"), new Placement("shop", "web.2", "h2"));
    assertThat(after).containsExactly(new Placement("shop", "web.1", "h1"),
        new Placement("shop", "worker.1", "h2"), new Placement("shop", "web.2", "h2"));
  }

  @Test
  void dynosOfOtherAppsDoNotCountForSpread() {
    List<Host> hosts = List.of(host("h1", 8 * GB, 8), host("h2", 4 * GB, 8));
    List<Placement> current = List.of(
        new Placement("blog", "web.1", "h1"), new Placement("shop", "worker.1", "h1"));
    List<DynoRequest> wanted = List.of(
        new DynoRequest("blog", "web.1", "web", STANDARD), new DynoRequest("shop", "worker.1", "worker", STANDARD),
        new DynoRequest("shop", "web.1", "web", STANDARD));

    List<Placement> placements = placed(Scheduler.place(wanted, hosts, current));

    assertThat(placements).contains(new Placement("shop", "web.1", "h1"));
  }

  @Test
  void givesTheSamePlanForTheSameInputWhateverItsOrder() {
    List<Host> hosts = List.of(host("h1", 3 * GB, 4), host("h2", 3 * GB, 4), host("h3", 2 * GB, 4),
        lost("h4", 8 * GB, 8));
    List<DynoRequest> wanted = Stream.of(dynos("shop", "web", 4, STANDARD), dynos("shop", "worker", 2, BASIC),
        dynos("blog", "web", 3, BASIC), dynos("blog", "clock", 1, PERFORMANCE)).flatMap(List::stream).toList();
    List<Placement> current = List.of(new Placement("shop", "web.1", "h4"), new Placement("blog", "web.2", "h3"));
    List<Placement> first = placed(Scheduler.place(wanted, hosts, current));

    List<DynoRequest> shuffledWanted = new ArrayList<>(wanted);
    Collections.reverse(shuffledWanted);
    List<Host> shuffledHosts = new ArrayList<>(hosts);
    Collections.reverse(shuffledHosts);

    assertThat(placed(Scheduler.place(wanted, hosts, current))).isEqualTo(first);
    assertThat(placed(Scheduler.place(shuffledWanted, shuffledHosts, current)))
        .containsExactlyInAnyOrderElementsOf(first);
  }

  @Test
  void shortfallIsEmptyWhenTheFormationFitsAndHoldsTheMessageWhenItDoesNot() {
    List<Host> hosts = List.of(host("h1", GB, 2));

    assertThat(Scheduler.shortfall(dynos("shop", "web", 2, STANDARD), hosts, List.of())).isEmpty();
    assertThat(Scheduler.shortfall(dynos("shop", "web", 3, STANDARD), hosts, List.of()))
        .hasValueSatisfying(shortfall -> assertThat(shortfall.message()).startsWith("Not enough capacity for web.3 "));
  }

  @Test
  void rejectsADynoWantedTwice() {
    List<DynoRequest> twice = List.of(
        new DynoRequest("shop", "web.1", "web", STANDARD), new DynoRequest("shop", "web.1", "web", BASIC));

    assertThatThrownBy(() -> Scheduler.place(twice, List.of(host("h1", GB, 1)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dyno web.1 of shop is wanted twice");
  }

  private static Host host(String id, long memoryBytes, double cpus) {
    return new Host(id, memoryBytes, cpus, true);
  }

  private static Host lost(String id, long memoryBytes, double cpus) {
    return new Host(id, memoryBytes, cpus, false);
  }

  private static List<DynoRequest> dynos(String app, String type, int quantity, DynoSize size) {
    return IntStream.rangeClosed(1, quantity)
        .mapToObj(n -> new DynoRequest(app, type + "." + n, type, size))
        .toList();
  }

  private static List<Placement> placed(PlacementPlan plan) {
    assertThat(plan).isInstanceOf(Placed.class);
    return ((Placed) plan).placements();
  }

  private static Map<String, Long> dynosPerHost(List<Placement> placements) {
    return placements.stream().collect(groupingBy(Placement::hostId, counting()));
  }
}
