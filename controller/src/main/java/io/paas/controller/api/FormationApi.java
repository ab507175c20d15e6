package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.access.Permission;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.deploy.FormationService;
import io.paas.controller.deploy.FormationUpdate;
import io.paas.controller.deploy.ProcessScale;
import io.paas.controller.store.App;
import io.paas.controller.store.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET/PATCH /apps/{app}/formation}: process types, their quantities and sizes. */
final class FormationApi {
  private final Guard guard;
  private final FormationService formations;
  private final AuditLog audit;

  FormationApi(Guard guard, FormationService formations, AuditLog audit) {
    this.guard = guard;
    this.audit = audit;
    this.formations = formations;
  }

  void mount(Router router) {
    router.get("/apps/:app/formation").handler(guard.app(Permission.READ)).handler(this::get);
    router.patch("/apps/:app/formation").handler(guard.app(Permission.DEPLOY)).handler(this::patch);
  }

  private void get(RoutingContext ctx) {
    Responses.json(ctx, 200, formations.formation(Guard.app(ctx)).map(FormationApi::view));
  }

  private void patch(RoutingContext ctx) {
    List<FormationUpdate> updates = updates(JsonBody.of(ctx));
    User user = Bearer.user(ctx);
    App app = Guard.app(ctx);
    Responses.json(ctx, 200, formations.change(app, updates, user.email())
            .compose(formation -> audit.record(Callers.actor(ctx), AuditAction.FORMATION_CHANGE, app.name(),
                Map.of("updates", updates.stream().map(FormationApi::asked).toList())).map(formation))
        .map(FormationApi::view));
  }
  /** An update as it was asked for: what it left out stays out. */
  private static Map<String, Object> asked(FormationUpdate update) {
    Map<String, Object> asked = new LinkedHashMap<>();
    asked.put("type", update.type());
    if (update.quantity() != null) {
      asked.put("quantity", update.quantity());
    }
    if (update.size() != null) {
      asked.put("size", update.size());
    }
    return asked;
  }

  private static List<FormationUpdate> updates(JsonObject body) {
    if (!(body.getValue("updates") instanceof JsonArray array)) {
      throw ApiException.badRequest("Body must be {\"updates\": [{\"type\": \"web\", \"quantity\": 2, "
          + "\"size\": \"standard\"}]}.");
    }
    List<FormationUpdate> updates = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof JsonObject update) || !(update.getValue("type") instanceof String type)) {
        throw ApiException.badRequest("Each update needs a type, as in {\"type\": \"web\", \"quantity\": 2}.");
      }
      Object quantity = update.getValue("quantity");
      Object size = update.getValue("size");
      if (quantity != null && !(quantity instanceof Integer)) {
        throw ApiException.badRequest("quantity must be a whole number.");
      }
      if (size != null && !(size instanceof String)) {
        throw ApiException.badRequest("size must be a size name such as standard.");
      }
      updates.add(new FormationUpdate(type, (Integer) quantity, (String) size));
    }
    return updates;
  }

  private static JsonArray view(List<ProcessScale> formation) {
    return new JsonArray(formation.stream().map(p -> new JsonObject().put("type", p.type())
        .put("quantity", p.quantity()).put("size", p.size()).put("command", p.command())).toList());
  }
}
