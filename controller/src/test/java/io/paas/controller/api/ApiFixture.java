package io.paas.controller.api;

import io.paas.agent.Agent;
import io.paas.builder.RepoStore;
import io.paas.builder.image.ImageBuilder;
import io.paas.common.DockerClients;
import io.paas.controller.auth.Accounts;
import io.paas.controller.auth.AdminSeeder;
import io.paas.controller.deploy.AppAccess;
import io.paas.controller.deploy.AppLifecycle;
import io.paas.controller.deploy.AppUrls;
import io.paas.controller.deploy.Cluster;
import io.paas.controller.deploy.Deployer;
import io.paas.controller.deploy.DynoService;
import io.paas.controller.deploy.FormationService;
import io.paas.controller.deploy.ReleaseService;
import io.paas.controller.logs.LogHub;
import io.paas.controller.scheduler.Host;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.BuildStore;
import io.paas.controller.store.Database;
import io.paas.controller.store.EmbeddedDatabase;
import io.paas.controller.store.FormationStore;
import io.paas.controller.store.Migrations;
import io.paas.controller.store.ReleaseStore;
import io.paas.controller.store.TokenStore;
import io.paas.controller.store.UserStore;
import io.paas.router.RoutingTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The controller's API over a real embedded PostgreSQL, with an agent whose container runtime is a fake (the
 * end-to-end tests run real containers): enough to test auth, validation, tenancy and release logic.
 */
final class ApiFixture implements AutoCloseable {
  static final String ADMIN_EMAIL = "admin@example.com";
  static final String ADMIN_PASSWORD = "admin-password-1";
  /** Room for sixteen standard dynos, across all the apps of a test class. */
  static final long HOST_MEMORY = 8192L * 1024 * 1024;

  final Vertx vertx = Vertx.vertx();
  final EmbeddedDatabase db;
  final Pool pool;
  final FakeDynos dynos;
  final AppStore apps;
  final BuildStore builds;
  final ReleaseService releases;
  final LogHub logs = new LogHub(1500);
  final int port;

  ApiFixture(Path dataDir) throws Exception {
    db = EmbeddedDatabase.start(dataDir);
    pool = Database.pool(vertx, db.url());
    dynos = FakeDynos.start(vertx);
    UserStore users = new UserStore(pool);
    apps = new AppStore(pool);
    builds = new BuildStore(pool);
    ReleaseStore releaseStore = new ReleaseStore(pool);
    Accounts accounts = new Accounts(vertx, users, new TokenStore(pool));
    AppAccess access = new AppAccess(apps);
    AppUrls urls = new AppUrls("http://127.0.0.1:1", "localhost", 8080);
    Agent agent = new Agent(vertx, dynos, (app, serving) -> Future.succeededFuture(), Duration.ofSeconds(10),
        line -> { });
    FormationStore formationStore = new FormationStore(pool);
    Deployer deployer = new Deployer(agent, apps, releaseStore, formationStore, logs);
    releases = new ReleaseService(releaseStore, deployer, logs);
    AppLifecycle lifecycle = new AppLifecycle(vertx, apps, deployer, new RoutingTable(),
        new RepoStore(dataDir.resolve("repos")), new ImageBuilder(DockerClients.connect()), logs);
    new Migrations(pool).apply().await(30, TimeUnit.SECONDS);
    new AdminSeeder(accounts, users, dataDir)
        .seed(Map.of("PAAS_ADMIN_EMAIL", ADMIN_EMAIL, "PAAS_ADMIN_PASSWORD", ADMIN_PASSWORD))
        .await(30, TimeUnit.SECONDS);
    Cluster cluster = () -> List.of(new Host("test-host", HOST_MEMORY, 8, true));
    FormationService formations = new FormationService(apps, releaseStore, formationStore, deployer, cluster, logs);
    port = new ApiServer(vertx, new ApiServices(accounts, apps, access, lifecycle, builds, releaseStore, releases,
        formations, new DynoService(agent, releaseStore, logs), cluster, logs, 1500, urls))
        .listen("127.0.0.1", 0, router -> { })
        .await(10, TimeUnit.SECONDS)
        .actualPort();
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    db.close();
  }
}
