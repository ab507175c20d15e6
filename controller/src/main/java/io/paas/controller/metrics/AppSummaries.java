package io.paas.controller.metrics;

import io.paas.agent.DynoStatus;
import io.paas.controller.deploy.DynoService;
import io.paas.controller.deploy.FormationService;
import io.paas.controller.deploy.ProcessScale;
import io.paas.controller.store.App;
import io.vertx.core.Future;

/**
 * The {@link AppSummary} of an app: the total from its formation (every process type's quantity), the dynos up from
 * the agents' latest reports, the errors from its request metrics.
 */
public final class AppSummaries {
  private final FormationService formations;
  private final DynoService dynos;
  private final AppMetrics metrics;

  public AppSummaries(FormationService formations, DynoService dynos, AppMetrics metrics) {
    this.formations = formations;
    this.dynos = dynos;
    this.metrics = metrics;
  }

  public Future<AppSummary> of(App app) {
    return formations.formation(app).map(formation -> new AppSummary(
        // By name: a dyno that moves between agents may be reported by both for a moment.
        (int) dynos.status(app).stream().filter(dyno -> dyno.state().equals(DynoStatus.UP)).map(DynoStatus::name)
            .distinct().count(),
        formation.stream().mapToInt(ProcessScale::quantity).sum(),
        metrics.errorsLastHour(app.name())));
  }
}
