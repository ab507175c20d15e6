package io.paas.controller.deploy;

import io.paas.controller.scheduler.DynoRequest;
import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.FormationStore;
import io.paas.controller.store.FormationStore.Scale;
import io.paas.controller.store.ReleaseStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dynos formations ask for, each at its size: of one app, of some apps, of every app. The cluster's capacity and
 * the subjects' quotas are both checked against them.
 */
public final class DynoDemand {
  private final AppStore apps;
  private final ReleaseStore releases;
  private final FormationStore formations;

  public DynoDemand(AppStore apps, ReleaseStore releases, FormationStore formations) {
    this.apps = apps;
    this.releases = releases;
    this.formations = formations;
  }

  public Future<List<ProcessScale>> formation(App app) {
    return releases.desired(app.id()).compose(release -> formations.get(app.id())
        .map(scales -> DynoPlan.formation(release.orElse(null), scales)));
  }

  /** Every dyno the formations of all apps ask for: what the cluster has promised. */
  public Future<List<DynoRequest>> all() {
    return apps.all().compose(this::of);
  }

  public Future<List<DynoRequest>> of(List<App> some) {
    List<Future<List<DynoRequest>>> each = some.stream()
        .map(app -> formation(app).map(formation -> dynos(app, formation, Map.of()))).toList();
    return Future.all(each).map(done -> {
      List<DynoRequest> wanted = new ArrayList<>();
      for (int i = 0; i < some.size(); i++) {
        wanted.addAll(done.<List<DynoRequest>>resultAt(i));
      }
      return wanted;
    });
  }

  /** The app's dynos with its formation, the types in {@code changed} at their new scales. */
  static List<DynoRequest> dynos(App app, List<ProcessScale> formation, Map<String, Scale> changed) {
    List<DynoRequest> requests = new ArrayList<>();
    for (ProcessScale process : formation) {
      Scale scale = changed.getOrDefault(process.type(), new Scale(process.quantity(), process.size()));
      for (int n = 1; n <= scale.quantity(); n++) {
        requests.add(new DynoRequest(app.name(), process.type() + "." + n, process.type(),
            DynoPlan.size(scale.size())));
      }
    }
    return requests;
  }
}
