package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.deploy.Cluster;
import io.paas.controller.deploy.FormationService;
import io.paas.controller.scheduler.DynoRequest;
import io.paas.controller.scheduler.Host;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /agents} (admins): the hosts, their capacity and what the formations have reserved on them. */
final class AgentsApi {
  private final Cluster cluster;
  private final FormationService formations;

  AgentsApi(Cluster cluster, FormationService formations) {
    this.cluster = cluster;
    this.formations = formations;
  }

  void mount(Router router) {
    router.get("/agents").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    if (!Bearer.user(ctx).admin()) {
      throw ApiException.forbidden("Only an admin can list agents.");
    }
    Responses.json(ctx, 200, formations.reserved().map(reserved -> {
      List<Host> hosts = cluster.hosts();
      // One host for now: everything reserved is on it. Placement per host comes with remote agents.
      long used = reserved.stream().mapToLong(d -> d.size().memoryBytes()).sum();
      return new JsonArray(hosts.stream().map(host -> new JsonObject()
          .put("id", host.id())
          .put("name", host.id())
          .put("state", host.alive() ? "up" : "lost")
          .put("memory", host.memoryBytes())
          .put("memory_used", hosts.size() == 1 ? used : null)
          .put("cpus", host.cpus())
          .put("dynos", hosts.size() == 1 ? reserved.size() : null)
          .put("last_heartbeat", null)).toList());
    }));
  }
}
