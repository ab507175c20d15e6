package io.paas.controller.server;

import com.github.dockerjava.api.DockerClient;
import io.paas.agent.Agent;
import io.paas.agent.docker.DockerDynoRuntime;
import io.paas.agent.remote.RemoteAgent;
import io.paas.builder.RepoStore;
import io.paas.builder.git.GitReceiveService;
import io.paas.builder.image.BuildLimits;
import io.paas.builder.image.ImageBuilder;
import io.paas.builder.plan.Stacks;
import io.paas.builder.registry.ImagePublisher;
import io.paas.builder.registry.RegistryServer;
import io.paas.common.DockerClients;
import io.paas.common.network.AppNetworks;
import io.paas.common.network.SubnetRange;
import io.paas.controller.access.AppAccess;
import io.paas.controller.access.AppTransfers;
import io.paas.controller.access.Collaborators;
import io.paas.controller.access.Teams;
import io.paas.controller.addons.AddonService;
import io.paas.controller.api.AgentProtocolApi;
import io.paas.controller.api.ApiServer;
import io.paas.controller.api.ApiServices;
import io.paas.controller.api.RouterProtocolApi;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.auth.Accounts;
import io.paas.controller.auth.AdminSeeder;
import io.paas.controller.auth.ApiTokens;
import io.paas.controller.auth.LoginLimiter;
import io.paas.controller.auth.SignUps;
import io.paas.controller.cluster.AgentChooser;
import io.paas.controller.cluster.AgentCluster;
import io.paas.controller.cluster.AgentMailbox;
import io.paas.controller.cluster.AgentReports;
import io.paas.controller.cluster.AgentStore;
import io.paas.controller.cluster.Assignments;
import io.paas.controller.cluster.ClusterRoutes;
import io.paas.controller.cluster.Jobs;
import io.paas.controller.cluster.PlacementStore;
import io.paas.controller.cluster.SchedulerLoop;
import io.paas.controller.deploy.AppLifecycle;
import io.paas.controller.deploy.AppSettingsService;
import io.paas.controller.deploy.AppUrls;
import io.paas.controller.deploy.BuilderGateway;
import io.paas.controller.deploy.Deployer;
import io.paas.controller.deploy.DesiredDynos;
import io.paas.controller.deploy.DomainNames;
import io.paas.controller.deploy.DomainService;
import io.paas.controller.deploy.DynoDemand;
import io.paas.controller.deploy.DynoService;
import io.paas.controller.deploy.FormationService;
import io.paas.controller.deploy.HttpsHosts;
import io.paas.controller.deploy.OneOffs;
import io.paas.controller.deploy.ReleaseService;
import io.paas.controller.deploy.RoutingSync;
import io.paas.controller.firewall.HostFirewall;
import io.paas.controller.logs.LogHub;
import io.paas.controller.logs.RouterLines;
import io.paas.controller.logs.drains.DrainAddresses;
import io.paas.controller.logs.drains.DrainService;
import io.paas.controller.logs.drains.DrainTrust;
import io.paas.controller.logs.drains.Drains;
import io.paas.controller.mail.MailStore;
import io.paas.controller.metrics.AppMetrics;
import io.paas.controller.quota.QuotaStore;
import io.paas.controller.quota.QuotaUsage;
import io.paas.controller.quota.Quotas;
import io.paas.controller.store.AddonStore;
import io.paas.controller.store.AppGrantStore;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.BuildStore;
import io.paas.controller.store.CollaboratorStore;
import io.paas.controller.store.Database;
import io.paas.controller.store.DomainStore;
import io.paas.controller.store.EmbeddedDatabase;
import io.paas.controller.store.FormationStore;
import io.paas.controller.store.LogDrainStore;
import io.paas.controller.store.Migrations;
import io.paas.controller.store.ReleaseStore;
import io.paas.controller.store.SecretBox;
import io.paas.controller.store.TeamStore;
import io.paas.controller.store.TokenStore;
import io.paas.controller.store.UserStore;
import io.paas.router.RouterLog;
import io.paas.router.RouterOptions;
import io.paas.router.RouterServer;
import io.paas.router.RoutingTable;
import io.paas.router.tls.Caddy;
import io.paas.router.tls.CaddyOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * The all-in-one launcher: store, controller API, builder (git), router and one in-process agent in one JVM.
 * Start-up is one chain; {@code ready} is printed once everything serves and the first reconcile has brought
 * back the routes of apps deployed before a restart.
 */
@Command(name = "paas-server", mixinStandardHelpOptions = true, description = "Runs the whole platform on this host.",
    subcommands = {AgentCommand.class, RouterCommand.class})
public final class PaasServer implements Callable<Integer> {
  private static final Duration DRAIN = Duration.ofSeconds(30);
  /** How often apps and dynos with nothing left in the metrics window are dropped. */
  private static final Duration METRICS_EVICTION = Duration.ofMinutes(1);

  @Mixin
  private ServerOptions options;

  @Mixin
  private MailOptions mailOptions;

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
    Pool pool = Database.pool(vertx, databaseUrl);
    DockerClient docker = DockerClients.connect();
    SubnetRange appRange = SubnetRange.parse(options.appSubnets);
    AppNetworks networks = new AppNetworks(docker, appRange, Map.of());
    // One chain per installation, named after its data dir, so a restart takes over the chain it left.
    HostFirewall firewall = new HostFirewall("PAAS-FW-" + Integer.toHexString(dataDir.hashCode()), appRange);
    firewall.enforce();
    MailStore mail = new MailStore(pool);
    AddonStore addonStore = new AddonStore(pool, SecretBox.fromKeyFile(dataDir.resolve("secret.key")));
    AddonServers addonServers = AddonServers.start(vertx, docker, dataDir, options, mailOptions,
        new DockerAppSubnets(vertx, networks), firewall, mail, new AddonMailAccounts(addonStore));
    Promise<Caddy> caddy = Promise.promise();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Caddy is a child process: it would outlive the JVM and keep the HTTPS ports.
      if (caddy.future().succeeded()) {
        caddy.future().result().stop().toCompletionStage().toCompletableFuture().orTimeout(15, TimeUnit.SECONDS)
            .exceptionally(e -> null).join();
      }
      vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null)
          .join();
      addonServers.close();
      firewall.close();
      if (embedded != null) {
        embedded.close();
      }
    }, "paas-shutdown"));

    UserStore users = new UserStore(pool);
    AppStore apps = new AppStore(pool);
    BuildStore builds = new BuildStore(pool);
    ReleaseStore releases = new ReleaseStore(pool);
    ApiTokens tokens = new ApiTokens(new TokenStore(pool), Duration.ofDays(options.loginTokenDays));
    Accounts accounts = new Accounts(vertx, users, tokens,
        new LoginLimiter(LoginLimiter.ACCOUNTS, LoginLimiter.ADDRESSES, InstantSource.system()));
    AppGrantStore grants = new AppGrantStore(pool);
    AppAccess access = new AppAccess(grants);
    TeamStore teamStore = new TeamStore(pool);
    Teams teams = new Teams(teamStore, accounts);
    AppUrls urls = new AppUrls(options.apiUrl(), options.domain, options.routerPort);

    LogHub logs = new LogHub(options.logLines);
    DrainAddresses drainAddresses = new DrainAddresses(vertx);
    Drains drains = new Drains(vertx, drainAddresses, DrainTrust.of(options.drainCaFiles), options.drainLimits());
    logs.tap(drains);

    String agentName = AgentName.of(dataDir);
    String agentToken = ClusterToken.of(dataDir, options.agentToken);
    RoutingTable table = new RoutingTable();
    AppMetrics metrics = new AppMetrics(InstantSource.system());
    vertx.setPeriodic(METRICS_EVICTION.toMillis(), id -> metrics.evictIdle());
    RouterLog routerLog = new RouterLines(logs).andThen(metrics);
    RouterServer router = new RouterServer(vertx, table, RouterOptions.defaults(options.domain), routerLog);
    FormationStore formationStore = new FormationStore(pool);
    DesiredDynos desired = new DesiredDynos(releases, formationStore);
    AgentStore agents = new AgentStore(pool);
    PlacementStore placements = new PlacementStore(pool);
    AgentReports reports = new AgentReports();
    AgentMailbox mailbox = new AgentMailbox(vertx, agents);
    ClusterRoutes routes = new ClusterRoutes(table, router, DRAIN);
    Jobs jobs = new Jobs(mailbox);
    AgentChooser chooser = new AgentChooser(agents, placements);
    SchedulerLoop scheduler = new SchedulerLoop(vertx, pool, agents, placements, apps, desired, mailbox, routes,
        reports, Duration.ofSeconds(options.agentTimeoutSeconds));
    Deployer deployer = new Deployer(vertx, scheduler, reports, chooser, jobs, releases, desired, logs);
    ReleaseService releaseService = new ReleaseService(releases, deployer, logs);
    DynoDemand demand = new DynoDemand(apps, releases, formationStore);
    QuotaUsage quotaUsage = new QuotaUsage(apps, addonStore, builds, demand);
    Quotas quotas = new Quotas(vertx, new QuotaStore(pool), quotaUsage, options.quotaLimits());
    AuditLog audit = new AuditLog(pool);
    RepoStore repos = new RepoStore(dataDir.resolve("repos"));
    ImageBuilder images = new ImageBuilder(docker,
        BuildLimits.DEFAULT.withDiskBytes(options.buildDiskMegabytes << 20), Stacks.fromEnvironment(System.getenv()),
        networks);
    DomainStore domains = new DomainStore(pool);
    HttpsHosts https = options.httpsPort == null ? HttpsHosts.NONE : new CaddyHosts(vertx, caddy.future());
    RoutingSync routing = new RoutingSync(apps, domains, table, https, urls);
    AddonService addons = new AddonService(addonServers.catalog(),
        addonStore, releaseService, quotas, logs);
    AppLifecycle lifecycle = new AppLifecycle(vertx, apps, deployer, table, routing, repos, images, logs, addons,
        networks, drains, quotas, metrics);
    Optional<RegistryServer> registry = Optional.ofNullable(options.registryPort)
        .map(port -> RegistryServer.start(dataDir.resolve("registry"), port));
    registry.ifPresent(started -> Runtime.getRuntime().addShutdownHook(new Thread(started::close, "paas-registry")));
    GitReceiveService git = new GitReceiveService(vertx, repos, images,
        new BuilderGateway(tokens, access, builds, releaseService, urls, logs, quotas, audit),
        options.maxPushMegabytes * 1024 * 1024,
        registry.map(started -> new ImagePublisher(docker, started.address())));
    FormationService formations = new FormationService(apps, demand, formationStore, deployer,
        new AgentCluster(agents), new OneOffs(), quotas, logs);
    DynoService dynos = new DynoService(reports, chooser, jobs, releases, formations, logs);
    DrainService drainService = new DrainService(new LogDrainStore(pool), drains, drainAddresses, logs);
    SignUps signUps = new SignUps(accounts, options.openSignup, SignUps.PER_ADDRESS, InstantSource.system());
    ApiServer api = new ApiServer(vertx, new ApiServices(accounts, tokens, signUps, access, teams,
        new Collaborators(new CollaboratorStore(pool), teamStore, accounts),
        new AppTransfers(apps, grants, teams, accounts), lifecycle,
        new AppSettingsService(apps, routing, deployer, logs),
        new DomainService(domains, new DomainNames(options.domain), routing, logs), addons, builds, releases,
        releaseService, formations, dynos, agents, placements, logs, options.logLines, urls, mail, drainService,
        quotas, quotaUsage, audit, metrics));
    AgentProtocolApi agentApi = new AgentProtocolApi(agentToken, options.heartbeatSeconds, agents, reports,
        new Assignments(agents, placements, apps, desired, mailbox), routes, jobs, scheduler, new DynoLogs(logs),
        metrics);
    RouterProtocolApi routerApi = new RouterProtocolApi(agentToken, table, routerLog);

    Future<Void> started = new Migrations(pool).apply()
        .compose(applied -> new AdminSeeder(accounts, users, dataDir).seed(System.getenv()))
        .onSuccess(seeded -> {
          if (seeded != null) {
            System.out.println(seeded);
          }
        })
        .compose(v -> addons.resumeAll())
        .compose(v -> options.httpsPort == null ? Future.succeededFuture()
            : startTlsFront(vertx, router, dataDir).onComplete(caddy))
        // Every app's host, settings and custom domains are in the table before the router listens.
        .compose(v -> routing.sync())
        .compose(v -> drainService.startAll())
        .compose(v -> router.listen(options.bind, options.routerPort))
        .compose(v -> api.listen(options.bind, options.apiPort, mounts -> {
          git.mount(mounts);
          agentApi.mount(mounts);
          routerApi.mount(mounts);
        }))
        .onSuccess(v -> scheduler.start())
        // Through the same protocol as any agent; ready waits for its first converge, which brings back the
        // routes of apps deployed before a restart.
        .compose(v -> options.noLocalAgent ? Future.<Void>succeededFuture()
            : RemoteAgent.start(vertx, new DockerDynoRuntime(docker, agentName,
                DockerDynoRuntime.DEFAULT_STOP_GRACE, DockerDynoRuntime.DEFAULT_RUN_TIMEOUT, appRange),
                Agent.DEFAULT_HEALTH_TIMEOUT,
                options.apiUrl(), agentToken, agentName, options.agentMemoryBytes(), options.agentCpus(),
                Duration.ofSeconds(options.reconcileSeconds)));
    try {
      started.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      System.err.println("paas-server failed to start: " + rootMessage(e));
      return 1;
    }
    String httpsUrls = options.httpsPort == null ? "" : " and https://APP." + options.domain + ":" + options.httpsPort
        + "/ (local CA root: " + dataDir.resolve(Caddy.ROOT_CERTIFICATE) + ")";
    System.out.println("paas-server ready: API and web console " + options.apiUrl() + "/ · apps at http://APP."
        + options.domain + ":" + options.routerPort + "/" + httpsUrls + " · data in " + dataDir + " · agent token in "
        + dataDir.resolve("agent-token"));
    Thread.currentThread().join();
    return 0;
  }

  /**
   * With {@code --https-port}: Caddy terminates TLS and forwards to a router listener on loopback that only it uses,
   * so the router can trust its X-Forwarded-* headers.
   */
  private Future<Caddy> startTlsFront(Vertx vertx, RouterServer router, Path dataDir) {
    return router.listenBehindTls("127.0.0.1", 0).compose(port -> Caddy.start(vertx, new CaddyOptions(dataDir,
        options.bind, options.httpsPort, options.httpRedirectPort, "127.0.0.1", port, options.acmeEmail)));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
