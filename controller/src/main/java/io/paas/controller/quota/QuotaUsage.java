package io.paas.controller.quota;

import io.paas.controller.deploy.DynoDemand;
import io.paas.controller.scheduler.DynoRequest;
import io.paas.controller.store.AddonStore;
import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.BuildStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How much of each quota a subject uses now, over all its apps. */
public final class QuotaUsage {
  private static final long MB = 1024L * 1024;

  private final AppStore apps;
  private final AddonStore addons;
  private final BuildStore builds;
  private final DynoDemand demand;

  public QuotaUsage(AppStore apps, AddonStore addons, BuildStore builds, DynoDemand demand) {
    this.apps = apps;
    this.addons = addons;
    this.builds = builds;
    this.demand = demand;
  }

  public Future<Map<Quota, Long>> all(QuotaSubject subject) {
    return of(subject, EnumSet.allOf(Quota.class));
  }

  /** The use of the given quotas; the formations are read only when dynos or memory are asked for. */
  public Future<Map<Quota, Long>> of(QuotaSubject subject, Set<Quota> quotas) {
    return subject.apps(apps).compose(owned -> {
      List<Long> ids = owned.stream().map(App::id).toList();
      Future<List<DynoRequest>> dynos = quotas.contains(Quota.DYNOS) || quotas.contains(Quota.MEMORY)
          ? demand.of(owned) : Future.succeededFuture(List.of());
      List<Quota> measured = new ArrayList<>(quotas);
      List<Future<Long>> each = measured.stream().map(quota -> switch (quota) {
        case APPS -> Future.succeededFuture((long) owned.size());
        case DYNOS -> dynos.map(all -> (long) all.size());
        case MEMORY -> dynos.map(QuotaUsage::megabytes);
        case ADDONS -> addons.count(ids);
        case BUILDS -> builds.running(ids);
      }).toList();
      return Future.all(each).map(done -> {
        Map<Quota, Long> used = new EnumMap<>(Quota.class);
        for (int i = 0; i < measured.size(); i++) {
          used.put(measured.get(i), done.resultAt(i));
        }
        return used;
      });
    });
  }

  /** The memory these dynos run with, in MB. */
  public static long megabytes(List<DynoRequest> dynos) {
    return dynos.stream().mapToLong(d -> d.size().memoryBytes()).sum() / MB;
  }
}
