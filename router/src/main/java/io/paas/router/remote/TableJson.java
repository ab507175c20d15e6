package io.paas.router.remote;

import io.paas.router.Backend;
import io.paas.router.RouteSettings;
import io.paas.router.RoutingSnapshot;
import io.paas.router.RoutingSnapshot.AppRoute;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a routing table as the controller serves it and the router keeps it on disk:
 * {@code {"epoch", "version", "apps": {APP: {"backends": [{dyno, host, port}], "maintenance", "request_timeout",
 * "domains"}}}}. Written field by field: the protocol is a contract. The epoch names the controller's table, whose
 * versions start again when the controller restarts.
 */
public final class TableJson {
  private TableJson() {
  }

  /** A table at a version of one epoch. */
  public record Versioned(String epoch, RoutingSnapshot snapshot) {
  }

  public static JsonObject write(Versioned table) {
    JsonObject apps = new JsonObject();
    table.snapshot().apps().forEach((app, route) -> apps.put(app, new JsonObject()
        .put("backends", new JsonArray(route.backends().stream().map(b -> new JsonObject().put("dyno", b.dyno())
            .put("host", b.host()).put("port", b.port())).toList()))
        .put("maintenance", route.settings().maintenance())
        .put("request_timeout", route.settings().requestTimeout().toSeconds())
        .put("domains", new JsonArray(route.domains().stream().sorted().toList()))));
    return new JsonObject().put("epoch", table.epoch()).put("version", table.snapshot().version()).put("apps", apps);
  }

  /** Fails with a {@link RuntimeException} on a body that is not a table. */
  public static Versioned read(JsonObject json) {
    Map<String, AppRoute> apps = new HashMap<>();
    json.getJsonObject("apps").forEach(entry -> {
      JsonObject route = (JsonObject) entry.getValue();
      Set<String> domains = new HashSet<>();
      route.getJsonArray("domains").forEach(d -> domains.add((String) d));
      apps.put(entry.getKey(), new AppRoute(
          route.getJsonArray("backends").stream().map(JsonObject.class::cast)
              .map(b -> new Backend(b.getString("dyno"), b.getString("host"), b.getInteger("port"))).toList(),
          new RouteSettings(route.getBoolean("maintenance"), Duration.ofSeconds(route.getLong("request_timeout"))),
          domains));
    });
    return new Versioned(json.getString("epoch"), new RoutingSnapshot(json.getLong("version"), apps));
  }
}
