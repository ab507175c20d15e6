package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.access.Permission;
import io.paas.controller.mail.MailStore;
import io.paas.controller.mail.MailText;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /apps/{app}/mail}: what the app's smtp addons accepted, newest first, without bodies; one message as plain
 * text, either as received or ({@code format=text}) its readable part alone.
 */
final class MailApi {
  private static final int DEFAULT_LIMIT = 50;

  private final Guard guard;
  private final MailStore mail;

  MailApi(Guard guard, MailStore mail) {
    this.guard = guard;
    this.mail = mail;
  }

  void mount(Router router) {
    router.get("/apps/:app/mail").handler(guard.app(Permission.READ)).handler(this::list);
    router.get("/apps/:app/mail/:id").handler(guard.app(Permission.READ)).handler(this::show);
  }

  private void list(RoutingContext ctx) {
    int limit = limit(ctx.queryParams().get("limit"));
    Responses.json(ctx, 200, mail.ofApp(Guard.app(ctx).id(), limit).map(messages -> {
      JsonArray list = new JsonArray();
      messages.forEach(message -> list.add(Views.mail(message)));
      return list;
    }));
  }

  private void show(RoutingContext ctx) {
    long id = PathParams.number(ctx.pathParam("id"), "message");
    boolean textOnly = textOnly(ctx.queryParams().get("format"));
    mail.raw(Guard.app(ctx).id(), id)
        .compose(raw -> raw.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(ApiException.notFound("Couldn't find that message."))))
        .compose(raw -> textOnly
            ? ctx.vertx().executeBlocking(() -> Buffer.buffer(MailText.of(raw).orElse("")), false)
            : Future.succeededFuture(Buffer.buffer(raw)))
        .onFailure(ctx::fail)
        .onSuccess(body -> ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(body));
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= MailStore.KEPT_PER_APP) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid("limit must be a number from 1 to " + MailStore.KEPT_PER_APP + ".");
  }

  private static boolean textOnly(String format) {
    if (format == null || format.equals("raw")) {
      return false;
    }
    if (format.equals("text")) {
      return true;
    }
    throw ApiException.invalid("format must be raw or text.");
  }
}
