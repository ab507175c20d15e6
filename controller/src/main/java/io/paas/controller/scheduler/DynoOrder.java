package io.paas.controller.scheduler;

import java.util.Comparator;

/** The orders dynos are placed and listed in. */
final class DynoOrder {
  /** By app, process type, then number, so web.2 comes before web.10. */
  static final Comparator<DynoRequest> BY_NAME = Comparator.comparing(DynoRequest::app)
      .thenComparing(DynoRequest::type)
      .thenComparingInt(dyno -> number(dyno.name()))
      .thenComparing(DynoRequest::name);

  /** Most memory, then most CPU first: a big dyno needs a host before small ones break the room into pieces. */
  static final Comparator<DynoRequest> BIGGEST_FIRST = Comparator
      .comparingLong((DynoRequest dyno) -> dyno.size().memoryBytes()).reversed()
      .thenComparing(Comparator.comparingDouble((DynoRequest dyno) -> dyno.size().cpus()).reversed())
      .thenComparing(BY_NAME);

  private DynoOrder() {
  }

  /** The number after the last dot of a dyno name ({@code web.12} is 12), or -1 when there is none. */
  static int number(String name) {
    try {
      return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
