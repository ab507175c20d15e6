package io.paas.controller.cluster;

import io.paas.agent.DynoSpec;
import io.paas.agent.remote.Wire;
import io.paas.controller.deploy.DesiredDynos;
import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an agent should run, read from the store when it asks: the desired dynos placed on it. Any controller can
 * answer, since nothing here lives in the leader's memory.
 */
public final class Assignments {
  private final AgentStore agents;
  private final PlacementStore placements;
  private final AppStore apps;
  private final DesiredDynos desired;
  private final AgentMailbox mailbox;

  public Assignments(AgentStore agents, PlacementStore placements, AppStore apps, DesiredDynos desired,
                     AgentMailbox mailbox) {
    this.agents = agents;
    this.placements = placements;
    this.apps = apps;
    this.desired = desired;
    this.mailbox = mailbox;
  }

  /**
   * The agent's assignments once its generation is past {@code after} (at once if it already is), or after
   * {@code waitMillis} with nothing new; empty for an unknown agent.
   */
  public Future<Optional<JsonObject>> next(long agentId, long after, long waitMillis) {
    return agents.get(agentId).compose(agent -> {
      if (agent.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      if (agent.get().generation() > after) {
        return current(agent.get()).map(Optional::of);
      }
      return mailbox.await(agentId, waitMillis).compose(woken -> agents.get(agentId))
          .compose(now -> now.isEmpty() ? Future.succeededFuture(Optional.empty())
              : now.get().generation() > after ? current(now.get()).map(Optional::of)
              : Future.succeededFuture(Optional.of(new JsonObject().put("generation", after))));
    });
  }

  private Future<JsonObject> current(AgentRecord agent) {
    return placements.all().compose(all -> {
      Set<String> mine = all.stream().filter(p -> p.agentId() == agent.id()).map(p -> p.app() + "/" + p.dyno())
          .collect(Collectors.toSet());
      return apps.all().compose(every -> {
        List<Future<List<DynoSpec>>> each = new ArrayList<>();
        for (App app : every) {
          if (mine.stream().anyMatch(key -> key.startsWith(app.name() + "/"))) {
            each.add(desired.of(app));
          }
        }
        return Future.all(each).map(done -> {
          JsonArray dynos = new JsonArray();
          each.forEach(specs -> specs.result().stream().filter(s -> mine.contains(s.app() + "/" + s.name()))
              .map(Wire::spec).forEach(dynos::add));
          return new JsonObject().put("generation", agent.generation()).put("dynos", dynos)
              .put("jobs", new JsonArray(mailbox.take(agent.id())));
        });
      });
    });
  }
}
