package io.paas.controller.server;

import com.github.dockerjava.api.DockerClient;
import io.paas.agent.Agent;
import io.paas.agent.docker.DockerDynoRuntime;
import io.paas.builder.RepoStore;
import io.paas.builder.git.GitReceiveService;
import io.paas.builder.image.BuildLimits;
import io.paas.builder.image.ImageBuilder;
import io.paas.builder.plan.Stacks;
import io.paas.common.DockerClients;
import io.paas.controller.api.ApiServer;
import io.paas.controller.api.ApiServices;
import io.paas.controller.auth.Accounts;
import io.paas.controller.auth.AdminSeeder;
import io.paas.controller.deploy.AppAccess;
import io.paas.controller.deploy.AppLifecycle;
import io.paas.controller.deploy.AppUrls;
import io.paas.controller.deploy.BuilderGateway;
import io.paas.controller.deploy.Cluster;
import io.paas.controller.deploy.Deployer;
import io.paas.controller.deploy.DynoService;
import io.paas.controller.deploy.FormationService;
import io.paas.controller.deploy.ReleaseService;
import io.paas.controller.logs.LogHub;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.BuildStore;
import io.paas.controller.store.Database;
import io.paas.controller.store.EmbeddedDatabase;
import io.paas.controller.store.FormationStore;
import io.paas.controller.store.Migrations;
import io.paas.controller.store.ReleaseStore;
import io.paas.controller.store.TokenStore;
import io.paas.controller.store.UserStore;
import io.paas.router.RouterServer;
import io.paas.router.RoutingTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The all-in-one launcher: store, controller API, builder (git), router and one in-process agent in one JVM.
 * Start-up is one chain; {@code ready} is printed once everything serves and the first reconcile has brought
 * back the routes of apps deployed before a restart.
 */
@Command(name = "paas-server", mixinStandardHelpOptions = true, description = "Runs the whole platform on this host.")
public final class PaasServer implements Callable<Integer> {
  private static final Duration DRAIN = Duration.ofSeconds(30);

  @Mixin
  private ServerOptions options;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PaasServer()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path dataDir = options.dataDir.toAbsolutePath();
    Files.createDirectories(dataDir);
    EmbeddedDatabase embedded = options.databaseUrl == null ? EmbeddedDatabase.start(dataDir) : null;
    String databaseUrl = embedded != null ? embedded.url() : options.databaseUrl;

    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null)
          .join();
      if (embedded != null) {
        embedded.close();
      }
    }, "paas-shutdown"));

    Pool pool = Database.pool(vertx, databaseUrl);
    UserStore users = new UserStore(pool);
    AppStore apps = new AppStore(pool);
    BuildStore builds = new BuildStore(pool);
    ReleaseStore releases = new ReleaseStore(pool);
    Accounts accounts = new Accounts(vertx, users, new TokenStore(pool));
    AppAccess access = new AppAccess(apps);
    AppUrls urls = new AppUrls(options.apiUrl(), options.domain, options.routerPort);

    LogHub logs = new LogHub(options.logLines);

    String agentName = AgentName.of(dataDir);
    DockerClient docker = DockerClients.connect();
    RoutingTable table = new RoutingTable();
    RouterServer router = new RouterServer(vertx, table, options.domain);
    Agent agent = new Agent(vertx, new DockerDynoRuntime(docker, agentName),
        new InProcessTraffic(table, router, DRAIN), Agent.DEFAULT_HEALTH_TIMEOUT, new DynoLogs(logs));
    FormationStore formationStore = new FormationStore(pool);
    Deployer deployer = new Deployer(agent, apps, releases, formationStore, logs);
    ReleaseService releaseService = new ReleaseService(releases, deployer, logs);
    RepoStore repos = new RepoStore(dataDir.resolve("repos"));
    ImageBuilder images = new ImageBuilder(docker, BuildLimits.DEFAULT,
        Stacks.fromEnvironment(System.getenv()));
    AppLifecycle lifecycle = new AppLifecycle(vertx, apps, deployer, table, repos, images, logs);
    GitReceiveService git = new GitReceiveService(vertx, repos, images,
        new BuilderGateway(accounts, access, builds, releaseService, urls, logs),
        options.maxPushMegabytes * 1024 * 1024);
    Cluster cluster = new LocalCluster(agentName, options.agentMemoryBytes(), options.agentCpus());
    FormationService formations = new FormationService(apps, releases, formationStore, deployer, cluster, logs);
    ApiServer api = new ApiServer(vertx, new ApiServices(accounts, apps, access, lifecycle, builds, releases,
        releaseService, formations, new DynoService(agent, releases, logs), cluster, logs, options.logLines,
        urls));

    Future<Void> started = new Migrations(pool).apply()
        .compose(applied -> new AdminSeeder(accounts, users, dataDir).seed(System.getenv()))
        .onSuccess(seeded -> {
          if (seeded != null) {
            System.out.println(seeded);
          }
        })
        .compose(v -> lifecycle.restoreRoutes())
        .compose(v -> router.listen(options.bind, options.routerPort))
        .compose(v -> api.listen(options.bind, options.apiPort, git::mount))
        .compose(v -> deployer.reconcileAll())
        .onSuccess(v -> vertx.setPeriodic(options.reconcileSeconds * 1000, id -> deployer.reconcileAll()));
    try {
      started.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      System.err.println("paas-server failed to start: " + rootMessage(e));
      return 1;
    }
    System.out.println("paas-server ready: API " + options.apiUrl() + " · apps at http://APP." + options.domain + ":"
        + options.routerPort + "/ · data in " + dataDir);
    Thread.currentThread().join();
    return 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
