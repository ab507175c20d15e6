package io.paas.controller.api;

import io.paas.router.RoutedRequest;
import io.paas.router.RouterLog;
import io.paas.router.RoutingTable;
import io.paas.router.remote.RequestJson;
import io.paas.router.remote.TableJson.Versioned;
import io.paas.router.remote.TableJson;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /router-api}: where standalone routers dial in, with the cluster token. {@code GET /table?after=V&epoch=E}
 * long-polls the whole routing table: it answers at once if this controller's table is not the one named or is newer
 * than {@code V}, else at its next change or after about 25 s. {@code POST /logs} takes the requests a router took
 * ({@link RequestJson}) for the apps' logs and metrics.
 */
public final class RouterProtocolApi {
  private static final long MAX_BODY = 4 * 1024 * 1024;
  private static final long POLL_MILLIS = 25_000;

  /** Names this controller's table, whose versions start again at every start. */
  private final String epoch = UUID.randomUUID().toString();
  private final ClusterTokenCheck token;
  private final RoutingTable table;
  private final RouterLog log;
  private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();

  public RouterProtocolApi(String token, RoutingTable table, RouterLog log) {
    this.token = new ClusterTokenCheck(token);
    this.table = table;
    this.log = log;
    table.onChange(() -> waiting.forEach(Runnable::run));
  }

  public void mount(Router router) {
    router.route("/router-api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    router.route("/router-api/*").handler(token::handle);
    router.get("/router-api/table").handler(this::table);
    router.post("/router-api/logs").handler(this::logs);
    router.route("/router-api/*").failureHandler(ApiErrors::handle);
  }

  private void table(RoutingContext ctx) {
    long after = WireBody.after(ctx);
    if (!epoch.equals(ctx.request().getParam("epoch")) || table.version() > after) {
      answer(ctx);
      return;
    }
    Context context = ctx.vertx().getOrCreateContext();
    Promise<Void> changed = Promise.promise();
    Runnable wake = () -> context.runOnContext(v -> changed.tryComplete());
    waiting.add(wake);
    long timer = ctx.vertx().setTimer(POLL_MILLIS, id -> changed.tryComplete());
    ctx.response().closeHandler(v -> changed.tryComplete());
    // A change between the version check and joining the waiters would otherwise wait out the whole poll.
    if (table.version() > after) {
      changed.tryComplete();
    }
    changed.future().onComplete(done -> {
      waiting.remove(wake);
      ctx.vertx().cancelTimer(timer);
      if (!ctx.response().closed()) {
        answer(ctx);
      }
    });
  }

  private void answer(RoutingContext ctx) {
    ctx.json(TableJson.write(new Versioned(epoch, table.snapshot())));
  }

  private void logs(RoutingContext ctx) {
    requests(ctx).forEach(log::request);
    ctx.json(new JsonObject());
  }

  /** All or nothing: one malformed request refuses the batch, before any of it is logged. */
  private static List<RoutedRequest> requests(RoutingContext ctx) {
    return WireBody.read(ctx, body -> body.asJsonArray().stream().map(RequestJson::read).toList(),
        "a JSON array of {\"app\", \"text\", \"status\", \"service_ms\"} objects");
  }
}
