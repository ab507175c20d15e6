package io.paas.controller.deploy;

import io.paas.common.ApiException;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.quota.Quota;
import io.paas.controller.quota.QuotaSubject;
import io.paas.controller.quota.QuotaUsage;
import io.paas.controller.quota.Quotas;
import io.paas.controller.scheduler.DynoRequest;
import io.paas.controller.scheduler.DynoSize;
import io.paas.controller.scheduler.Host;
import io.paas.controller.scheduler.Scheduler;
import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.FormationStore;
import io.paas.controller.store.FormationStore.Scale;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scaling and resizing process types. A change is checked against the whole cluster's capacity before it is
 * stored, so a formation that cannot run is refused with what is short and nothing changes; the dynos then
 * converge in the background, as on Heroku.
 */
public final class FormationService {
  private static final Logger LOG = LoggerFactory.getLogger(FormationService.class);
  static final int MAX_QUANTITY = 100;

  private final AppStore apps;
  private final DynoDemand demand;
  private final FormationStore formations;
  private final Deployer deployer;
  private final Cluster cluster;
  private final OneOffs oneOffs;
  private final Quotas quotas;
  private final LogHub logs;

  public FormationService(AppStore apps, DynoDemand demand, FormationStore formations, Deployer deployer,
                          Cluster cluster, OneOffs oneOffs, Quotas quotas, LogHub logs) {
    this.oneOffs = oneOffs;
    this.apps = apps;
    this.demand = demand;
    this.formations = formations;
    this.deployer = deployer;
    this.cluster = cluster;
    this.quotas = quotas;
    this.logs = logs;
  }

  public Future<List<ProcessScale>> formation(App app) {
    return demand.formation(app);
  }

  /**
   * Checks the change against the owner's quotas, then against the cluster, under the owner's quota lock so two
   * changes at once cannot pass a quota together.
   */
  public Future<List<ProcessScale>> change(App app, List<FormationUpdate> updates, String email) {
    QuotaSubject subject = QuotaSubject.of(app);
    return quotas.guard(subject, () -> formation(app).compose(current -> {
      Map<String, Scale> next = apply(current, updates);
      List<DynoRequest> before = DynoDemand.dynos(app, current, Map.of());
      List<DynoRequest> after = DynoDemand.dynos(app, current, next);
      return quotas.require(subject, Map.of(Quota.DYNOS, (long) after.size() - before.size(),
              Quota.MEMORY, QuotaUsage.megabytes(after) - QuotaUsage.megabytes(before)))
          .compose(v -> Future.all(otherAppsDynos(app), cluster.hosts()))
          .compose(both -> {
            List<DynoRequest> wanted = new ArrayList<>(both.<List<DynoRequest>>resultAt(0));
            wanted.addAll(oneOffs.all());
            wanted.addAll(after);
            Scheduler.shortfall(wanted, both.<List<Host>>resultAt(1), List.of()).ifPresent(shortfall -> {
              throw ApiException.invalid(shortfall.message());
            });
            return formations.put(app.id(), next);
          });
    })).compose(v -> formation(app)).onSuccess(formation -> {
      logs.append(app.name(), LogEntry.now(LogEntry.PLATFORM, "api", "Scaled to " + describe(formation)
          + " by user " + email));
      deployer.converge(app).onFailure(e -> LOG.warn("Converging {} after a scale failed: {}", app.name(),
          e.getMessage()));
    });
  }

  /** The changed types' new scales; an unknown type, a quantity out of range or an unknown size is a 422. */
  private static Map<String, Scale> apply(List<ProcessScale> current, List<FormationUpdate> updates) {
    if (updates.isEmpty()) {
      throw ApiException.invalid("No formation updates given.");
    }
    Map<String, Scale> next = new LinkedHashMap<>();
    for (FormationUpdate update : updates) {
      ProcessScale process = current.stream().filter(p -> p.type().equals(update.type())).findFirst()
          .orElseThrow(() -> ApiException.invalid("No process type " + update.type() + " in the current release"
              + (current.isEmpty() ? " (the app has no release yet)." : "; it has: "
              + String.join(", ", current.stream().map(ProcessScale::type).toList()) + ".")));
      int quantity = update.quantity() != null ? update.quantity() : process.quantity();
      if (quantity < 0 || quantity > MAX_QUANTITY) {
        throw ApiException.invalid("Quantity must be from 0 to " + MAX_QUANTITY + ".");
      }
      String size = update.size() != null ? DynoPlan.size(update.size()).name() : process.size();
      next.put(process.type(), new Scale(quantity, size));
    }
    return next;
  }

  /**
   * Reserves room for a one-off dyno of the app, or fails with a 422 that says what is short; the caller
   * releases the reservation when the dyno exits.
   */
  public Future<DynoRequest> reserveOneOff(App app, DynoSize size) {
    DynoRequest dyno = oneOffs.reserve(app.name(), size);
    return Future.all(reserved(), cluster.hosts()).map(both -> {
      List<DynoRequest> wanted = new ArrayList<>(both.<List<DynoRequest>>resultAt(0));
      wanted.addAll(oneOffs.all());
      // The shortfall names whichever dyno was placed last, often not the run: say what the caller asked for.
      Scheduler.shortfall(wanted, both.<List<Host>>resultAt(1), List.of()).ifPresent(shortfall -> {
        throw ApiException.invalid("Not enough capacity to run a one-off dyno (" + size.name() + ", "
            + size.memoryBytes() / (1024 * 1024) + " MB): the cluster's room is taken by the apps' formations and "
            + "other runs. Scale something down, or wait for a run to end.");
      });
      return dyno;
    }).onFailure(e -> oneOffs.release(dyno));
  }

  public void releaseOneOff(DynoRequest dyno) {
    oneOffs.release(dyno);
  }

  /** Every dyno the formations of all apps ask for: what the cluster has promised. */
  public Future<List<DynoRequest>> reserved() {
    return demand.all();
  }

  /** What every other app runs, which the change must fit beside. */
  private Future<List<DynoRequest>> otherAppsDynos(App changing) {
    return apps.all().map(all -> all.stream().filter(a -> a.id() != changing.id()).toList()).compose(demand::of);
  }

  /** Heroku's words for a formation: every type, {@code web@2:Standard worker@0:Basic}. */
  private static String describe(List<ProcessScale> formation) {
    return String.join(" ", formation.stream()
        .map(p -> p.type() + "@" + p.quantity() + ":" + capitalized(p.size())).toList());
  }

  private static String capitalized(String size) {
    return Character.toUpperCase(size.charAt(0)) + size.substring(1);
  }
}
