package io.paas.controller.scheduler;

import java.util.HashMap;
import java.util.Map;

/** A live host while one plan is made: the room left once the dynos kept or placed on it are counted. */
final class HostLoad {
  private final Host host;
  private final Map<ProcessType, Integer> dynosByType = new HashMap<>();
  private long freeMemory;
  private long freeMillicpus;

  HostLoad(Host host) {
    this.host = host;
    this.freeMemory = host.memoryBytes();
    this.freeMillicpus = Amounts.millicpus(host.cpus());
  }

  String id() {
    return host.id();
  }

  long freeMemory() {
    return freeMemory;
  }

  long freeMillicpus() {
    return freeMillicpus;
  }

  boolean hasRoomFor(DynoSize size) {
    return size.memoryBytes() <= freeMemory && Amounts.millicpus(size.cpus()) <= freeMillicpus;
  }

  /** How many dynos of the same app and process type are already here: the fewer, the better the spread. */
  int dynosLike(DynoRequest dyno) {
    return dynosByType.getOrDefault(ProcessType.of(dyno), 0);
  }

  void add(DynoRequest dyno) {
    freeMemory -= dyno.size().memoryBytes();
    freeMillicpus -= Amounts.millicpus(dyno.size().cpus());
    dynosByType.merge(ProcessType.of(dyno), 1, Integer::sum);
  }

  private record ProcessType(String app, String type) {
    static ProcessType of(DynoRequest dyno) {
      return new ProcessType(dyno.app(), dyno.type());
    }
  }
}
