package io.paas.controller.scheduler;

import static java.math.RoundingMode.DOWN;
import static java.math.RoundingMode.HALF_UP;
import static java.math.RoundingMode.UP;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Says what is short, for a person: which dynos found no host, how much memory and CPU more the cluster needs, and
 * what it has free. It speaks of the resources that are short; when neither is short in total, the free room is
 * split among hosts so that none has enough, and it names both.
 */
final class ShortfallMessage {
  private static final Comparator<DynoRequest> BY_GROUP = Comparator.comparing(DynoRequest::app)
      .thenComparing(DynoRequest::type)
      .thenComparing(DynoOrder.BIGGEST_FIRST);

  private ShortfallMessage() {
  }

  static String describe(List<DynoRequest> unplaced, Collection<HostLoad> hostsUp) {
    long memoryShort = unplaced.stream().mapToLong(dyno -> dyno.size().memoryBytes()).sum()
        - hostsUp.stream().mapToLong(HostLoad::freeMemory).sum();
    long millicpusShort = unplaced.stream().mapToLong(dyno -> Amounts.millicpus(dyno.size().cpus())).sum()
        - hostsUp.stream().mapToLong(HostLoad::freeMillicpus).sum();
    boolean split = memoryShort <= 0 && millicpusShort <= 0;
    Resources named = new Resources(split || memoryShort > 0, split || millicpusShort > 0);
    String what = split ? "no single host has room for one" : shortage(memoryShort, millicpusShort);
    return "Not enough capacity for " + dynos(unplaced, named) + ": " + what + "; " + free(hostsUp, named) + ".";
  }

  private static String dynos(List<DynoRequest> unplaced, Resources named) {
    boolean severalApps = unplaced.stream().map(DynoRequest::app).distinct().count() > 1;
    var groups = unplaced.stream().sorted(BY_GROUP).collect(groupingBy(
        dyno -> List.of(dyno.app(), dyno.type(), dyno.size()), LinkedHashMap::new, toList()));
    List<String> described = new ArrayList<>();
    for (List<DynoRequest> group : groups.values()) {
      DynoRequest first = group.get(0);
      DynoSize size = first.size();
      String each = named.of(Amounts.memory(size.memoryBytes(), HALF_UP),
          Amounts.cpus(Amounts.millicpus(size.cpus()), HALF_UP));
      described.add(names(group) + (severalApps ? " of " + first.app() : "")
          + " (" + size.name() + ", " + each + " each)");
    }
    return String.join(", ", described);
  }

  /** Runs of consecutive numbers read as a range: {@code web.4-web.6, web.9}. */
  private static String names(List<DynoRequest> group) {
    List<String> runs = new ArrayList<>();
    int start = 0;
    while (start < group.size()) {
      int end = start;
      while (end + 1 < group.size() && number(group, end) >= 0
          && number(group, end + 1) == number(group, end) + 1) {
        end++;
      }
      String first = group.get(start).name();
      runs.add(end == start ? first : first + "-" + group.get(end).name());
      start = end + 1;
    }
    return String.join(", ", runs);
  }

  private static int number(List<DynoRequest> group, int i) {
    return DynoOrder.number(group.get(i).name());
  }

  private static String shortage(long memoryShort, long millicpusShort) {
    List<String> more = new ArrayList<>();
    boolean plural = false;
    if (memoryShort > 0) {
      more.add(Amounts.memory(memoryShort, UP) + " more memory");
    }
    if (millicpusShort > 0) {
      String cpus = Amounts.cpus(millicpusShort, UP);
      more.add(cpus.replace(" CPU", " more CPU"));
      plural = cpus.endsWith("CPUs");
    }
    return String.join(" and ", more) + (plural || more.size() > 1 ? " are needed" : " is needed");
  }

  private static String free(Collection<HostLoad> hostsUp, Resources named) {
    if (hostsUp.isEmpty()) {
      return "no hosts are up";
    }
    String free = named.of(Amounts.memory(hostsUp.stream().mapToLong(HostLoad::freeMemory).sum(), DOWN),
        Amounts.cpus(hostsUp.stream().mapToLong(HostLoad::freeMillicpus).sum(), DOWN));
    return hostsUp.size() + (hostsUp.size() == 1 ? " host" : " hosts") + " up with " + free + " free in all";
  }

  private record Resources(boolean memory, boolean cpu) {
    String of(String memoryAmount, String cpuAmount) {
      if (memory && cpu) {
        return memoryAmount + " and " + cpuAmount;
      }
      return memory ? memoryAmount : cpuAmount;
    }
  }
}
