package io.paas.controller.deploy;

import io.paas.agent.DynoSpec;
import io.paas.controller.store.App;
import io.paas.controller.store.FormationStore;
import io.paas.controller.store.ReleaseStore;
import io.vertx.core.Future;
import java.util.List;

/**
 * The dynos an app should run: its desired release (the newest that has not failed) at its formation, with the app's
 * health check path.
 */
public final class DesiredDynos {
  private final ReleaseStore releases;
  private final FormationStore formations;

  public DesiredDynos(ReleaseStore releases, FormationStore formations) {
    this.releases = releases;
    this.formations = formations;
  }

  public Future<List<DynoSpec>> of(App app) {
    String healthCheckPath = app.settings().healthCheckPath();
    return releases.desired(app.id()).compose(release -> formations.get(app.id())
        .map(scales -> release.map(r -> DynoPlan.dynos(app.name(), r, scales, healthCheckPath)).orElse(List.of())));
  }
}
