package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.access.Permission;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.deploy.ConfigVars;
import io.paas.controller.deploy.ReleaseService;
import io.paas.controller.store.App;
import io.paas.controller.store.User;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's config vars. A PATCH merges ({@code null} removes a key) and answers once the new release serves. Their
 * values are secrets (database passwords): reading them needs DEPLOY, as changing them does.
 */
final class ConfigVarsApi {
  private final Guard guard;
  private final ReleaseService releases;
  private final AuditLog audit;

  ConfigVarsApi(Guard guard, ReleaseService releases, AuditLog audit) {
    this.guard = guard;
    this.audit = audit;
    this.releases = releases;
  }

  void mount(Router router) {
    router.get("/apps/:app/config-vars").handler(guard.app(Permission.DEPLOY)).handler(this::get);
    router.patch("/apps/:app/config-vars").handler(guard.app(Permission.DEPLOY)).handler(this::patch);
  }

  private void get(RoutingContext ctx) {
    Responses.json(ctx, 200, releases.config(Guard.app(ctx))
        .map(config -> new JsonObject(new LinkedHashMap<>(config))));
  }

  private void patch(RoutingContext ctx) {
    Map<String, String> changes = changes(JsonBody.of(ctx));
    User user = Bearer.user(ctx);
    App app = Guard.app(ctx);
    Responses.json(ctx, 200, releases.changeConfig(app, changes, user.id(), user.email())
            .compose(config -> audit.record(Callers.actor(ctx), AuditAction.CONFIG_CHANGE, app.name(), keys(changes))
                .map(config))
        .map(config -> new JsonObject(new LinkedHashMap<>(config))));
  }

  /** The keys set and removed, for the audit log: values never leave the releases. */
  private static Map<String, List<String>> keys(Map<String, String> changes) {
    return Map.of("set", ConfigVars.setKeys(changes), "removed", ConfigVars.removedKeys(changes));
  }

  private static Map<String, String> changes(JsonObject body) {
    Map<String, String> changes = new LinkedHashMap<>();
    body.forEach(entry -> {
      Object value = entry.getValue();
      if (value != null && !(value instanceof String)) {
        throw ApiException.invalid("Config var values must be strings, or null to remove a key.");
      }
      changes.put(entry.getKey(), (String) value);
    });
    return changes;
  }
}
