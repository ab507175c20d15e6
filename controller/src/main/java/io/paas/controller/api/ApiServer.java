package io.paas.controller.api;

import io.paas.common.http.RequestHeadDeadline;
import io.paas.controller.metrics.AppSummaries;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Platform API on one port, beside what else the port serves (git, the console). JSON bodies are bounded;
 * every route past the public ones needs a bearer token.
 */
public final class ApiServer {
  private static final long MAX_BODY = 64 * 1024;
  /** Vert.x's defaults, chosen here on purpose: 4 KiB request line (414 above), 8 KiB header block (431 above). */
  private static final int MAX_REQUEST_LINE = 4 * 1024;
  private static final int MAX_HEADERS = 8 * 1024;
  /** nginx's client_header_timeout; see {@link RequestHeadDeadline}. */
  static final Duration HEAD_DEADLINE = Duration.ofSeconds(60);
  private static final String API_PATHS = "/(auth|account|users|apps|teams|agents|addon-services|admin)(/.*)?";

  private final Vertx vertx;
  private final ApiServices services;

  public ApiServer(Vertx vertx, ApiServices services) {
    this.vertx = vertx;
    this.services = services;
  }

  /** {@code extra} mounts routes that manage their own bodies and auth (git), ahead of the API's. */
  public Future<HttpServer> listen(String host, int port, Consumer<Router> extra) {
    return listen(router(extra), host, port, HEAD_DEADLINE);
  }

  /** Serves {@code router} with the port's limits; tests shorten the deadline to watch slow clients go. */
  Future<HttpServer> listen(Router router, String host, int port, Duration headDeadline) {
    // Cleartext HTTP/2 is declined: to tell it from HTTP/1 Vert.x holds a connection's bytes until the head is
    // complete, out of the deadline's sight, and no client of this port (CLI, agents, browsers) needs it.
    HttpServer server = vertx.createHttpServer(new HttpServerOptions()
        .setHttp2ClearTextEnabled(false)
        .setMaxInitialLineLength(MAX_REQUEST_LINE)
        .setMaxHeaderSize(MAX_HEADERS));
    return RequestHeadDeadline.serve(vertx, server, headDeadline, router).listen(port, host);
  }

  /** Every route the port serves; tests list them to check each has its expected access. */
  Router router(Consumer<Router> extra) {
    Router router = Router.router(vertx);
    // Nothing this port sends is to be read as anything but its declared type.
    router.route().handler(ctx -> {
      ctx.response().putHeader("X-Content-Type-Options", "nosniff");
      ctx.next();
    });
    extra.accept(router);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "ok")));

    router.route().pathRegex(API_PATHS).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    AuthApi auth = new AuthApi(services.accounts(), services.signUps(), services.audit());
    UsersApi users = new UsersApi(services.accounts(), services.signUps());
    auth.mountPublic(router);
    users.mountPublic(router);
    router.route().pathRegex(API_PATHS).handler(new Bearer(services.tokens())::handle);
    auth.mount(router);
    new TokensApi(services.tokens(), services.audit()).mount(router);
    users.mount(router);
    Guard guard = new Guard(services.access(), services.teams());
    new TeamsApi(guard, services.teams(), services.audit()).mount(router);
    new AppsApi(services.access(), guard, services.teams(), services.lifecycle(), services.settings(),
        services.transfers(), services.releases(),
        new AppSummaries(services.formations(), services.dynos(), services.metrics()), services.urls(),
        services.audit()).mount(router);
    new CollaboratorsApi(guard, services.collaborators(), services.audit()).mount(router);
    new DomainsApi(guard, services.domains(), services.urls(), services.audit()).mount(router);
    new AddonsApi(guard, services.addons(), services.audit()).mount(router);
    new BuildsApi(guard, services.builds()).mount(router);
    new ReleasesApi(guard, services.releases(), services.releaseService(), services.audit()).mount(router);
    new ConfigVarsApi(guard, services.releaseService(), services.audit()).mount(router);
    new LogsApi(guard, services.logs(), services.maxLogLines()).mount(router);
    new MetricsApi(guard, services.metrics()).mount(router);
    new DrainsApi(guard, services.logDrains()).mount(router);
    new FormationApi(guard, services.formations(), services.audit()).mount(router);
    new DynosApi(guard, services.dynos(), services.formations(), services.audit()).mount(router);
    new AgentsApi(services.agents(), services.placements(), services.formations()).mount(router);
    new MailApi(guard, services.mail()).mount(router);
    new AdminQuotasApi(services.accounts(), services.teams(), services.quotas(), services.quotaUsage(),
        services.audit()).mount(router);
    new AdminAuditApi(services.audit()).mount(router);
    new AdminAccountsApi(services.accounts(), services.teams()).mount(router);

    ConsoleFiles.mount(router);
    router.route().handler(ApiErrors::notFound);
    router.route().failureHandler(ApiErrors::handle);
    // A path that cannot be decoded (%zz) matches no route, so its 400 never reaches the failure handler above.
    router.errorHandler(400, ApiErrors::undecodablePath);
    return router;
  }
}
