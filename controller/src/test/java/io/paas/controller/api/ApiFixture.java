package io.paas.controller.api;

import com.github.dockerjava.api.DockerClient;
import io.paas.agent.remote.RemoteAgent;
import io.paas.builder.RepoStore;
import io.paas.builder.git.GitReceiveService;
import io.paas.builder.image.ImageBuilder;
import io.paas.common.DockerClients;
import io.paas.common.network.AppNetworks;
import io.paas.common.network.SubnetRange;
import io.paas.controller.access.AppAccess;
import io.paas.controller.access.AppTransfers;
import io.paas.controller.access.Collaborators;
import io.paas.controller.access.Teams;
import io.paas.controller.addons.AddonCatalog;
import io.paas.controller.addons.AddonService;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.auth.Accounts;
import io.paas.controller.auth.AdminSeeder;
import io.paas.controller.auth.ApiTokens;
import io.paas.controller.auth.LockoutRule;
import io.paas.controller.auth.LoginLimiter;
import io.paas.controller.auth.SignUps;
import io.paas.controller.auth.TestClock;
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
import io.paas.controller.deploy.OneOffs;
import io.paas.controller.deploy.ReleaseService;
import io.paas.controller.deploy.RoutingSync;
import io.paas.controller.logs.LogHub;
import io.paas.controller.logs.RouterLines;
import io.paas.controller.logs.drains.DrainAddresses;
import io.paas.controller.logs.drains.DrainLimits;
import io.paas.controller.logs.drains.DrainService;
import io.paas.controller.logs.drains.DrainTrust;
import io.paas.controller.logs.drains.Drains;
import io.paas.controller.mail.MailStore;
import io.paas.controller.metrics.AppMetrics;
import io.paas.controller.quota.QuotaLimits;
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
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The controller's API over a real embedded PostgreSQL, with an agent (through the agent protocol, as in the
 * all-in-one server) whose container runtime is a fake (the
 * end-to-end tests run real containers) and the apps' git remotes: enough to test auth, validation, tenancy and
 * release logic. The routing table, what the TLS front was told ({@link #https}, each call's set) and every route
 * of the port ({@link #router}) are there to look at.
 */
final class ApiFixture implements AutoCloseable {
  static final String ADMIN_EMAIL = "admin@example.com";
  static final String ADMIN_PASSWORD = "admin-password-1";
  /** The platform's domain: apps answer at APP.{@value}. */
  static final String DOMAIN = "localhost";
  /** Room for sixteen standard dynos, across all the apps of a test class. */
  static final long HOST_MEMORY = 8192L * 1024 * 1024;
  static final double HOST_CPUS = 16;
  static final String AGENT_TOKEN = "test-cluster-token";
  /** Three failed logins lock an account for 1 s, each further one twice as long up to 4 s. */
  static final LockoutRule ACCOUNT_LOCKS =
      new LockoutRule(3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofHours(1));
  /** Never reached by a test class's failures, though every call of the class comes from 127.0.0.1. */
  static final LockoutRule ADDRESS_LOCKS =
      new LockoutRule(50, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofHours(1));
  /** Two sign-ups from an address, then a wait. */
  static final LockoutRule SIGNUP_LOCKS =
      new LockoutRule(2, Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofHours(1));
  static final long MAX_PUSH = 10L * 1024 * 1024;
  /** The operator's default limits; tests set lower ones per user through the admin API. */
  static final QuotaLimits QUOTAS = QuotaLimits.of(50, 100, 64 * 1024, 50, 2);

  final Vertx vertx = Vertx.vertx();
  /** The login and sign-up limits' time, which a test moves on to wait out a lock. */
  final TestClock clock = new TestClock();
  final EmbeddedDatabase db;
  final Pool pool;
  final FakeDynos dynos;
  final AppStore apps;
  final BuildStore builds;
  final ReleaseService releases;
  final FakeAddonProvider postgres = new FakeAddonProvider("postgres", "DATABASE");
  final AddonService addons;
  final AuditLog audit;
  final BuilderGateway gateway;
  final LogHub logs = new LogHub(1500);
  final AppMetrics metrics = new AppMetrics(InstantSource.system());
  final Drains drains;
  final RoutingTable table = new RoutingTable();
  final List<Set<String>> https = new CopyOnWriteArrayList<>();
  final ApiServer server;
  final Router router;
  final int port;

  ApiFixture(Path dataDir) throws Exception {
    this(dataDir, false);
  }

  ApiFixture(Path dataDir, boolean openSignup) throws Exception {
    db = EmbeddedDatabase.start(dataDir);
    pool = Database.pool(vertx, db.url());
    dynos = FakeDynos.start(vertx);
    UserStore users = new UserStore(pool);
    apps = new AppStore(pool);
    builds = new BuildStore(pool);
    ReleaseStore releaseStore = new ReleaseStore(pool);
    ApiTokens tokens = new ApiTokens(new TokenStore(pool), Duration.ofDays(30));
    Accounts accounts = new Accounts(vertx, users, tokens, new LoginLimiter(ACCOUNT_LOCKS, ADDRESS_LOCKS, clock));
    AppGrantStore grants = new AppGrantStore(pool);
    AppAccess access = new AppAccess(grants);
    TeamStore teamStore = new TeamStore(pool);
    Teams teams = new Teams(teamStore, accounts);
    AppUrls urls = new AppUrls("http://127.0.0.1:1", DOMAIN, 8080);
    FormationStore formationStore = new FormationStore(pool);
    DesiredDynos desired = new DesiredDynos(releaseStore, formationStore);
    AgentStore agents = new AgentStore(pool);
    PlacementStore placements = new PlacementStore(pool);
    AgentReports reports = new AgentReports();
    AgentMailbox mailbox = new AgentMailbox(vertx, agents);
    ClusterRoutes routes = new ClusterRoutes(table,
        new RouterServer(vertx, table, RouterOptions.defaults(DOMAIN), RouterLog.NONE), Duration.ZERO);
    Jobs jobs = new Jobs(mailbox);
    AgentChooser chooser = new AgentChooser(agents, placements);
    SchedulerLoop scheduler = new SchedulerLoop(vertx, pool, agents, placements, apps, desired, mailbox, routes,
        reports, Duration.ofSeconds(30));
    Deployer deployer = new Deployer(vertx, scheduler, reports, chooser, jobs, releaseStore, desired, logs);
    releases = new ReleaseService(releaseStore, deployer, logs);
    AddonStore addonStore = new AddonStore(pool, SecretBox.fromKeyFile(dataDir.resolve("secret.key")));
    DynoDemand demand = new DynoDemand(apps, releaseStore, formationStore);
    QuotaUsage quotaUsage = new QuotaUsage(apps, addonStore, builds, demand);
    Quotas quotas = new Quotas(vertx, new QuotaStore(pool), quotaUsage, QUOTAS);
    audit = new AuditLog(pool);
    gateway = new BuilderGateway(tokens, access, builds, releases, urls, logs, quotas, audit);
    DomainStore domains = new DomainStore(pool);
    RoutingSync routing = new RoutingSync(apps, domains, table, https::add, urls);
    addons = new AddonService(new AddonCatalog(List.of(postgres, new FakeAddonProvider("redis", "REDIS"))),
        addonStore, releases, quotas, logs);
    DockerClient docker = DockerClients.connect();
    DrainAddresses drainAddresses = new DrainAddresses(vertx);
    drains = new Drains(vertx, drainAddresses, DrainTrust.of(List.of()), DrainLimits.DEFAULT);
    logs.tap(drains);
    RepoStore repos = new RepoStore(dataDir.resolve("repos"));
    ImageBuilder images = new ImageBuilder(docker);
    AppLifecycle lifecycle = new AppLifecycle(vertx, apps, deployer, table, routing, repos, images, logs, addons,
        new AppNetworks(docker, SubnetRange.parse(SubnetRange.DEFAULT), Map.of()), drains, quotas, metrics);
    new Migrations(pool).apply().await(30, TimeUnit.SECONDS);
    routing.sync().await(30, TimeUnit.SECONDS);
    new AdminSeeder(accounts, users, dataDir)
        .seed(Map.of("PAAS_ADMIN_EMAIL", ADMIN_EMAIL, "PAAS_ADMIN_PASSWORD", ADMIN_PASSWORD))
        .await(30, TimeUnit.SECONDS);
    FormationService formations = new FormationService(apps, demand, formationStore, deployer,
        new AgentCluster(agents), new OneOffs(), quotas, logs);
    AgentProtocolApi agentApi = new AgentProtocolApi(AGENT_TOKEN, 1, agents, reports,
        new Assignments(agents, placements, apps, desired, mailbox), routes, jobs, scheduler, line -> { }, metrics);
    DynoService dynoService = new DynoService(reports, chooser, jobs, releaseStore, formations, logs);
    server = new ApiServer(vertx, new ApiServices(accounts, tokens,
        new SignUps(accounts, openSignup, SIGNUP_LOCKS, clock), access, teams,
        new Collaborators(new CollaboratorStore(pool), teamStore, accounts),
        new AppTransfers(apps, grants, teams, accounts), lifecycle,
        new AppSettingsService(apps, routing, deployer, logs),
        new DomainService(domains, new DomainNames(DOMAIN), routing, logs), addons, builds, releaseStore, releases,
        formations, dynoService, agents, placements, logs, 1500, urls, new MailStore(pool),
        new DrainService(new LogDrainStore(pool), drains, drainAddresses, logs), quotas, quotaUsage, audit, metrics));
    router = server.router(mounts -> {
      new GitReceiveService(vertx, repos, images, gateway, MAX_PUSH).mount(mounts);
      agentApi.mount(mounts);
      new RouterProtocolApi(AGENT_TOKEN, table, new RouterLines(logs).andThen(metrics)).mount(mounts);
    });
    port = server.listen(router, "127.0.0.1", 0, ApiServer.HEAD_DEADLINE).await(10, TimeUnit.SECONDS).actualPort();
    scheduler.start();
    RemoteAgent.start(vertx, dynos, Duration.ofSeconds(10), "http://127.0.0.1:" + port, AGENT_TOKEN, "test-host",
        HOST_MEMORY, HOST_CPUS, Duration.ofSeconds(10)).await(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    db.close();
  }
}
