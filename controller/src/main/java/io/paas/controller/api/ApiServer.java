package io.paas.controller.api;

import io.paas.controller.auth.Accounts;
import io.paas.controller.deploy.AppAccess;
import io.paas.controller.deploy.AppLifecycle;
import io.paas.controller.deploy.AppUrls;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.BuildStore;
import io.paas.controller.store.ReleaseStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.function.Consumer;

/**
 * The Platform API on one port, beside what else the port serves (git, the console). JSON bodies are bounded;
 * every route past the public ones needs a bearer token.
 */
public final class ApiServer {
  private static final long MAX_BODY = 64 * 1024;
  private static final String API_PATHS = "/(auth|account|users|apps)(/.*)?";

  private final Vertx vertx;
  private final Accounts accounts;
  private final AppStore apps;
  private final AppAccess access;
  private final AppLifecycle lifecycle;
  private final BuildStore builds;
  private final ReleaseStore releases;
  private final AppUrls urls;

  public ApiServer(Vertx vertx, Accounts accounts, AppStore apps, AppAccess access, AppLifecycle lifecycle,
                   BuildStore builds, ReleaseStore releases, AppUrls urls) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.apps = apps;
    this.access = access;
    this.lifecycle = lifecycle;
    this.builds = builds;
    this.releases = releases;
    this.urls = urls;
  }

  /** {@code extra} mounts routes that manage their own bodies and auth (git), ahead of the API's. */
  public Future<HttpServer> listen(String host, int port, Consumer<Router> extra) {
    Router router = Router.router(vertx);
    extra.accept(router);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "ok")));

    router.route().pathRegex(API_PATHS).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    AuthApi auth = new AuthApi(accounts);
    auth.mountPublic(router);
    router.route().pathRegex(API_PATHS).handler(new Bearer(accounts)::handle);
    auth.mount(router);
    new UsersApi(accounts).mount(router);
    new AppsApi(apps, access, lifecycle, releases, urls).mount(router);
    new BuildsApi(access, builds).mount(router);
    new ReleasesApi(access, releases).mount(router);

    router.route("/*").handler(StaticHandler.create("webroot"));
    router.route().handler(ApiErrors::notFound);
    router.route().failureHandler(ApiErrors::handle);
    return vertx.createHttpServer().requestHandler(router).listen(port, host);
  }
}
