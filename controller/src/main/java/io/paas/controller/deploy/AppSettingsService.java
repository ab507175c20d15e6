package io.paas.controller.deploy;

import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.store.App;
import io.paas.controller.store.AppSettings;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.AppStore.SettingsChange;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changing an app's settings, which applies at once and is neither a release nor a restart, as Heroku's maintenance
 * mode: maintenance and the request timeout go into the router; a new health check path reaches the agents as a
 * changed spec of the running release, which they apply to dynos started from then on. Each change is announced in
 * the app's log.
 */
public final class AppSettingsService {
  private static final Logger LOG = LoggerFactory.getLogger(AppSettingsService.class);

  private final AppStore apps;
  private final RoutingSync routing;
  private final Deployer deployer;
  private final LogHub logs;

  public AppSettingsService(AppStore apps, RoutingSync routing, Deployer deployer, LogHub logs) {
    this.apps = apps;
    this.routing = routing;
    this.deployer = deployer;
    this.logs = logs;
  }

  /** Completes with the app as changed, once the router applies its settings. */
  public Future<App> change(App app, UnaryOperator<AppSettings> edit, String email) {
    return apps.changeSettings(app.id(), edit).compose(change -> {
      describe(change).forEach(text -> logs.append(app.name(),
          LogEntry.now(LogEntry.PLATFORM, "api", text + " by user " + email)));
      if (!Objects.equals(change.before().healthCheckPath(), change.after().healthCheckPath())) {
        deployer.converge(app).onFailure(e -> LOG.warn("Converging {} after a new health check path failed: {}",
            app.name(), e.getMessage()));
      }
      return routing.sync().map(app.withSettings(change.after()));
    });
  }

  private static List<String> describe(SettingsChange change) {
    AppSettings before = change.before();
    AppSettings after = change.after();
    List<String> changes = new ArrayList<>();
    if (before.maintenance() != after.maintenance()) {
      changes.add("Maintenance mode " + (after.maintenance() ? "enabled" : "disabled"));
    }
    if (before.requestTimeout() != after.requestTimeout()) {
      changes.add("Request timeout set to " + after.requestTimeout() + " s");
    }
    if (!Objects.equals(before.healthCheckPath(), after.healthCheckPath())) {
      changes.add(after.healthCheckPath() == null ? "Health check path reset to the default"
          : "Health check path set to " + after.healthCheckPath());
    }
    return changes;
  }
}
