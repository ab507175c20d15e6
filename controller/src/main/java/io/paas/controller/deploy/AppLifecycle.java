package io.paas.controller.deploy;

import io.paas.builder.RepoStore;
import io.paas.builder.image.ImageBuilder;
import io.paas.common.AppNames;
import io.paas.common.network.AppNetworks;
import io.paas.controller.addons.AddonService;
import io.paas.controller.logs.LogHub;
import io.paas.controller.logs.drains.Drains;
import io.paas.controller.metrics.AppMetrics;
import io.paas.controller.quota.Quota;
import io.paas.controller.quota.QuotaSubject;
import io.paas.controller.quota.Quotas;
import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.Team;
import io.paas.controller.store.User;
import io.paas.router.RoutingTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Creating and destroying an app, with everything that belongs to it: route, dynos, log drains, metrics, images, repo.
 * Its settings, custom domains and drains are rows of the app, so they go with it.
 */
public final class AppLifecycle {
  private final Vertx vertx;
  private final AppStore apps;
  private final Deployer deployer;
  private final RoutingTable routes;
  private final RoutingSync routing;
  private final RepoStore repos;
  private final ImageBuilder images;
  private final LogHub logs;
  private final AddonService addons;
  private final AppNetworks networks;
  private final Drains drains;
  private final Quotas quotas;
  private final AppMetrics metrics;

  public AppLifecycle(Vertx vertx, AppStore apps, Deployer deployer, RoutingTable routes, RoutingSync routing,
                      RepoStore repos, ImageBuilder images, LogHub logs, AddonService addons, AppNetworks networks,
                      Drains drains, Quotas quotas, AppMetrics metrics) {
    this.metrics = metrics;
    this.quotas = quotas;
    this.logs = logs;
    this.addons = addons;
    this.networks = networks;
    this.drains = drains;
    this.vertx = vertx;
    this.apps = apps;
    this.deployer = deployer;
    this.routes = routes;
    this.routing = routing;
    this.repos = repos;
    this.images = images;
  }

  /** {@code team} is null for a personal app; the app counts against its team's apps quota, else its owner's. */
  public Future<App> create(String name, User owner, Team team) {
    QuotaSubject subject = team == null ? QuotaSubject.user(owner) : QuotaSubject.team(team);
    return Future.succeededFuture(name).map(AppNames::require)
        .compose(valid -> quotas.admitOne(subject, Quota.APPS,
            () -> apps.insert(valid, owner.id(), team == null ? null : team.id())))
        .compose(app -> routing.sync().map(app));
  }

  /**
   * The store forgets the app first, so a reconcile pass running meanwhile cannot bring its dynos back for long.
   * Its addons go with its row, so they are read before it goes; their data is destroyed once no dyno uses it.
   */
  public Future<App> destroy(App app) {
    return addons.list(app).compose(doomed -> apps.delete(app.id())
        .compose(v -> deployer.stop(app.name()))
        .compose(v -> addons.deprovisionAll(doomed)))
        .onSuccess(v -> {
          routes.remove(app.name());
          logs.forget(app.name());
          metrics.forget(app.name());
          drains.stopApp(app.name());
        })
        .compose(v -> routing.sync())
        .compose(v -> vertx.executeBlocking(() -> {
          images.removeImages(app.name());
          repos.delete(app.name());
          networks.remove(app.name());
          return app;
        }, false));
  }
}
