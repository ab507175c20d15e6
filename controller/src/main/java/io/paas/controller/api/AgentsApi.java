package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.cluster.AgentRecord;
import io.paas.controller.cluster.AgentStore;
import io.paas.controller.cluster.PlacementStore.Placed;
import io.paas.controller.cluster.PlacementStore;
import io.paas.controller.deploy.FormationService;
import io.paas.controller.scheduler.DynoRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code GET /agents} (admins): the hosts, their capacity and state, and the dynos placed on them. */
final class AgentsApi {
  private final AgentStore agents;
  private final PlacementStore placements;
  private final FormationService formations;

  AgentsApi(AgentStore agents, PlacementStore placements, FormationService formations) {
    this.agents = agents;
    this.placements = placements;
    this.formations = formations;
  }

  void mount(Router router) {
    router.get("/agents").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    if (!Bearer.user(ctx).admin()) {
      throw ApiException.forbidden("Only an admin can list agents.");
    }
    Responses.json(ctx, 200, Future.all(agents.all(), placements.all(), formations.reserved()).map(all -> {
      List<AgentRecord> hosts = all.resultAt(0);
      List<Placed> placed = all.resultAt(1);
      Map<String, Long> memoryOf = all.<List<DynoRequest>>resultAt(2).stream()
          .collect(Collectors.toMap(d -> d.app() + "/" + d.name(), d -> d.size().memoryBytes(), (a, b) -> a));
      return new JsonArray(hosts.stream().map(host -> {
        List<Placed> here = placed.stream().filter(p -> p.agentId() == host.id()).toList();
        return new JsonObject()
            .put("id", host.id())
            .put("name", host.name())
            .put("state", host.state())
            .put("memory", host.memoryBytes())
            .put("memory_used", here.stream().mapToLong(p -> memoryOf.getOrDefault(p.app() + "/" + p.dyno(), 0L))
                .sum())
            .put("cpus", host.cpus())
            .put("dynos", here.size())
            .put("last_heartbeat", host.lastHeartbeat().toString());
      }).toList());
    }));
  }
}
