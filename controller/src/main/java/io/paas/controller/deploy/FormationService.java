package io.paas.controller.deploy;

import io.paas.common.ApiException;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.scheduler.DynoRequest;
import io.paas.controller.scheduler.DynoSize;
import io.paas.controller.scheduler.Host;
import io.paas.controller.scheduler.Scheduler;
import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.FormationStore;
import io.paas.controller.store.FormationStore.Scale;
import io.paas.controller.store.ReleaseStore;
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
  private final ReleaseStore releases;
  private final FormationStore formations;
  private final Deployer deployer;
  private final Cluster cluster;
  private final OneOffs oneOffs;
  private final LogHub logs;

  public FormationService(AppStore apps, ReleaseStore releases, FormationStore formations, Deployer deployer,
                          Cluster cluster, OneOffs oneOffs, LogHub logs) {
    this.oneOffs = oneOffs;
    this.apps = apps;
    this.releases = releases;
    this.formations = formations;
    this.deployer = deployer;
    this.cluster = cluster;
    this.logs = logs;
  }

  public Future<List<ProcessScale>> formation(App app) {
    return releases.desired(app.id()).compose(release -> formations.get(app.id())
        .map(scales -> DynoPlan.formation(release.orElse(null), scales)));
  }

  public Future<List<ProcessScale>> change(App app, List<FormationUpdate> updates, String email) {
    return formation(app).compose(current -> {
      Map<String, Scale> next = apply(current, updates);
      return Future.all(otherAppsDynos(app), cluster.hosts()).compose(both -> {
        List<DynoRequest> wanted = new ArrayList<>(both.<List<DynoRequest>>resultAt(0));
        wanted.addAll(oneOffs.all());
        for (ProcessScale process : current) {
          wanted.addAll(requests(app.name(), process.type(),
              next.getOrDefault(process.type(), new Scale(process.quantity(), process.size()))));
        }
        Scheduler.shortfall(wanted, both.<List<Host>>resultAt(1), List.of()).ifPresent(shortfall -> {
          throw ApiException.invalid(shortfall.message());
        });
        return formations.put(app.id(), next);
      }).compose(v -> {
        logs.append(app.name(), LogEntry.now(LogEntry.PLATFORM, "api", "Scaled to " + describe(next) + " by user "
            + email));
        deployer.converge(app).onFailure(e -> LOG.warn("Converging {} after a scale failed: {}", app.name(),
            e.getMessage()));
        return formation(app);
      });
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
    return apps.all().compose(this::dynosOf);
  }

  /** What every other app runs, which the change must fit beside. */
  private Future<List<DynoRequest>> otherAppsDynos(App changing) {
    return apps.all().map(all -> all.stream().filter(a -> a.id() != changing.id()).toList()).compose(this::dynosOf);
  }

  private Future<List<DynoRequest>> dynosOf(List<App> all) {
    List<Future<List<DynoRequest>>> each = new ArrayList<>();
    for (App app : all) {
      each.add(formation(app).map(formation -> {
        List<DynoRequest> requests = new ArrayList<>();
        formation.forEach(p -> requests.addAll(requests(app.name(), p.type(), new Scale(p.quantity(), p.size()))));
        return requests;
      }));
    }
    return Future.all(each).map(done -> {
      List<DynoRequest> wanted = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        wanted.addAll(done.<List<DynoRequest>>resultAt(i));
      }
      return wanted;
    });
  }

  private static List<DynoRequest> requests(String app, String type, Scale scale) {
    List<DynoRequest> requests = new ArrayList<>();
    for (int n = 1; n <= scale.quantity(); n++) {
      requests.add(new DynoRequest(app, type + "." + n, type, DynoPlan.size(scale.size())));
    }
    return requests;
  }

  private static String describe(Map<String, Scale> scales) {
    List<String> parts = new ArrayList<>();
    scales.forEach((type, scale) -> parts.add(type + "@" + scale.quantity() + ":" + capitalized(scale.size())));
    return String.join(", ", parts);
  }

  private static String capitalized(String size) {
    return Character.toUpperCase(size.charAt(0)) + size.substring(1);
  }
}
