package io.paas.controller.scheduler;

import io.paas.controller.scheduler.PlacementPlan.Placed;
import io.paas.controller.scheduler.PlacementPlan.Shortfall;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which agent runs each dyno. Pure: the same dynos, hosts and placements always give the same plan.
 *
 * <p>Placement is a chain of small steps: dynos already running on a live host stay there while it has room for
 * them; every other dyno, biggest first, goes to the best host among those with room for its size, ranked by spread
 * of its process type, then free memory, then id. If any dyno finds no host, nothing is placed: the plan is a
 * {@link Shortfall} saying what is short. Dynos no longer wanted get no placement; the caller stops them.
 */
public final class Scheduler {
  private Scheduler() {
  }

  /**
   * Places every dyno of {@code wanted} (the whole cluster's, all apps) on the live {@code hosts}, given where dynos
   * run now ({@code current}; placements on unknown or lost hosts count as homeless).
   *
   * @throws IllegalArgumentException if a dyno is wanted or placed twice, or two hosts share an id
   */
  public static PlacementPlan place(List<DynoRequest> wanted, List<Host> hosts, List<Placement> current) {
    requireEachOnce(wanted);
    Map<String, HostLoad> hostsUp = hostsUp(hosts);
    Map<DynoId, String> hostOf = new HashMap<>();
    List<DynoRequest> biggestFirst = wanted.stream().sorted(DynoOrder.BIGGEST_FIRST).toList();
    List<DynoRequest> homeless = keepInPlace(biggestFirst, runningOn(current), hostsUp, hostOf);
    List<DynoRequest> unplaced = placeHomeless(homeless, hostsUp.values(), hostOf);
    if (!unplaced.isEmpty()) {
      return new Shortfall(ShortfallMessage.describe(unplaced, hostsUp.values()), unplaced);
    }
    return new Placed(wanted.stream()
        .map(dyno -> new Placement(dyno.app(), dyno.name(), hostOf.get(DynoId.of(dyno))))
        .toList());
  }

  /**
   * Whether a change may be accepted: the shortfall, if placing {@code wanted} (the whole cluster's dynos, with the
   * change) would leave any without a host. The API answers 422 with its message.
   */
  public static Optional<Shortfall> shortfall(List<DynoRequest> wanted, List<Host> hosts, List<Placement> current) {
    return place(wanted, hosts, current) instanceof Shortfall shortfall ? Optional.of(shortfall) : Optional.empty();
  }

  private static void requireEachOnce(List<DynoRequest> wanted) {
    Set<DynoId> seen = new HashSet<>();
    for (DynoRequest dyno : wanted) {
      if (!seen.add(DynoId.of(dyno))) {
        throw new IllegalArgumentException("Dyno " + dyno.name() + " of " + dyno.app() + " is wanted twice");
      }
    }
  }

  private static Map<String, HostLoad> hostsUp(List<Host> hosts) {
    Set<String> seen = new HashSet<>();
    Map<String, HostLoad> up = new HashMap<>();
    for (Host host : hosts) {
      if (!seen.add(host.id())) {
        throw new IllegalArgumentException("Two hosts are named " + host.id());
      }
      if (host.alive()) {
        up.put(host.id(), new HostLoad(host));
      }
    }
    return up;
  }

  private static Map<DynoId, String> runningOn(List<Placement> current) {
    Map<DynoId, String> hostOf = new HashMap<>();
    for (Placement placement : current) {
      if (hostOf.put(new DynoId(placement.app(), placement.name()), placement.hostId()) != null) {
        throw new IllegalArgumentException("Dyno " + placement.name() + " of " + placement.app() + " is placed twice");
      }
    }
    return hostOf;
  }

  /** A dyno running on a live host stays there if the host still has room for it; the others are homeless. */
  private static List<DynoRequest> keepInPlace(List<DynoRequest> biggestFirst, Map<DynoId, String> runningOn,
      Map<String, HostLoad> hostsUp, Map<DynoId, String> hostOf) {
    List<DynoRequest> homeless = new ArrayList<>();
    for (DynoRequest dyno : biggestFirst) {
      Optional<HostLoad> host = Optional.ofNullable(runningOn.get(DynoId.of(dyno)))
          .map(hostsUp::get)
          .filter(load -> load.hasRoomFor(dyno.size()));
      host.ifPresentOrElse(load -> assign(dyno, load, hostOf), () -> homeless.add(dyno));
    }
    return homeless;
  }

  /** For each homeless dyno: filter the hosts with room for it, rank them, pick the best. Returns those left over. */
  private static List<DynoRequest> placeHomeless(List<DynoRequest> homeless, Collection<HostLoad> hostsUp,
      Map<DynoId, String> hostOf) {
    List<DynoRequest> unplaced = new ArrayList<>();
    for (DynoRequest dyno : homeless) {
      hostsUp.stream()
          .filter(load -> load.hasRoomFor(dyno.size()))
          .min(HostRank.forDyno(dyno))
          .ifPresentOrElse(load -> assign(dyno, load, hostOf), () -> unplaced.add(dyno));
    }
    return unplaced;
  }

  private static void assign(DynoRequest dyno, HostLoad load, Map<DynoId, String> hostOf) {
    hostOf.put(DynoId.of(dyno), load.id());
    load.add(dyno);
  }

  private record DynoId(String app, String name) {
    static DynoId of(DynoRequest dyno) {
      return new DynoId(dyno.app(), dyno.name());
    }
  }
}
