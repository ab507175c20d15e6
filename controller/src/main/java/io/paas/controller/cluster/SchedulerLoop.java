package io.paas.controller.cluster;

import io.paas.agent.DynoSpec;
import io.paas.controller.cluster.PlacementStore.Placed;
import io.paas.controller.deploy.DesiredDynos;
import io.paas.controller.scheduler.DynoRequest;
import io.paas.controller.scheduler.DynoSize;
import io.paas.controller.scheduler.Placement;
import io.paas.controller.scheduler.PlacementPlan;
import io.paas.controller.scheduler.Scheduler;
import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's reconcile loop, run by one controller at a time: the one holding a PostgreSQL advisory lock on a
 * connection of its own. A pass marks agents lost that stopped heartbeating, places every desired dyno of every app
 * on the live agents ({@link Scheduler#place}), stores the placements and bumps the generation of each agent whose
 * assignments changed, which wakes its long-poll. Passes run periodically and when triggered; triggers during a
 * pass coalesce into one more pass.
 */
public final class SchedulerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerLoop.class);
  private static final long LOCK_KEY = 0x7061617300000002L;
  private static final long PASS_MILLIS = 2000;

  private final Vertx vertx;
  private final Pool pool;
  private final AgentStore agents;
  private final PlacementStore placements;
  private final AppStore apps;
  private final DesiredDynos desired;
  private final AgentMailbox mailbox;
  private final ClusterRoutes routes;
  private final AgentReports reports;
  private final Duration agentTimeout;
  /** What each agent was last assigned by this leader; empty after taking over, so every agent is told once. */
  private final Map<Long, Set<DynoSpec>> assigned = new HashMap<>();
  private SqlConnection leaderLock;
  /** System.nanoTime() when this controller took the lead. */
  private long leadingSince;
  private boolean running;
  private Promise<Void> queued;

  public SchedulerLoop(Vertx vertx, Pool pool, AgentStore agents, PlacementStore placements, AppStore apps,
                       DesiredDynos desired, AgentMailbox mailbox, ClusterRoutes routes, AgentReports reports,
                       Duration agentTimeout) {
    this.vertx = vertx;
    this.pool = pool;
    this.agents = agents;
    this.placements = placements;
    this.apps = apps;
    this.desired = desired;
    this.mailbox = mailbox;
    this.routes = routes;
    this.reports = reports;
    this.agentTimeout = agentTimeout;
  }

  public void start() {
    vertx.setPeriodic(PASS_MILLIS, id -> trigger());
  }

  /** Completes after a pass that started after this call. */
  public synchronized Future<Void> trigger() {
    if (queued == null) {
      queued = Promise.promise();
    }
    Future<Void> pass = queued.future();
    if (!running) {
      startNext();
    }
    return pass;
  }

  private synchronized void startNext() {
    Promise<Void> pass = queued;
    queued = null;
    running = true;
    vertx.runOnContext(v -> lead().compose(leader -> leader ? pass() : Future.<Void>succeededFuture())
        .onFailure(e -> LOG.warn("Scheduler pass failed: {}", e.getMessage()))
        .onComplete(done -> {
          pass.handle(done);
          synchronized (this) {
            running = false;
            if (queued != null) {
              startNext();
            }
          }
        }));
  }

  /** Whether this controller leads; tries to take the lock if it does not. */
  private Future<Boolean> lead() {
    if (leaderLock != null) {
      return Future.succeededFuture(true);
    }
    return pool.getConnection().compose(conn -> conn.query("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")
        .execute().map(rows -> {
          boolean won = rows.iterator().next().getBoolean(0);
          if (won) {
            leaderLock = conn;
            leadingSince = System.nanoTime();
            conn.closeHandler(closed -> {
              leaderLock = null;
              assigned.clear();
            });
            LOG.info("This controller now schedules dynos");
          } else {
            conn.close();
          }
          return won;
        }));
  }

  private Future<Void> pass() {
    return markLost().compose(lost -> {
      lost.forEach(id -> {
        LOG.warn("Agent {} missed its heartbeats for {} s: marked lost", id, agentTimeout.toSeconds());
        routes.drop(id);
        reports.forget(id);
      });
      return Future.all(agents.all(), placements.all(), wanted());
    }).compose(state -> {
      List<AgentRecord> all = state.resultAt(0);
      List<Placed> current = state.resultAt(1);
      Map<App, List<DynoSpec>> wanted = state.resultAt(2);
      List<DynoRequest> requests = new ArrayList<>();
      Map<String, App> appsByName = new HashMap<>();
      Map<String, DynoSpec> specs = new HashMap<>();
      wanted.forEach((app, dynos) -> {
        appsByName.put(app.name(), app);
        dynos.forEach(spec -> {
          requests.add(request(spec));
          specs.put(spec.app() + "/" + spec.name(), spec);
        });
      });
      PlacementPlan plan = Scheduler.place(requests, all.stream().map(AgentRecord::host).toList(),
          current.stream().map(p -> new Placement(p.app(), p.dyno(), String.valueOf(p.agentId()))).toList());
      if (!(plan instanceof PlacementPlan.Placed placed)) {
        LOG.warn("Cannot place every dyno: {}", ((PlacementPlan.Shortfall) plan).message());
        return Future.succeededFuture();
      }
      List<Placed> next = placed.placements().stream().map(p -> new Placed(appsByName.get(p.app()).id(), p.app(),
          p.name(), Long.parseLong(p.hostId()))).toList();
      Map<Long, Set<DynoSpec>> byAgent = new HashMap<>();
      all.forEach(agent -> byAgent.put(agent.id(), new HashSet<>()));
      next.forEach(p -> byAgent.get(p.agentId()).add(specs.get(p.app() + "/" + p.dyno())));
      return placements.replaceAll(next).compose(v -> {
        List<Future<Void>> bumps = new ArrayList<>();
        byAgent.forEach((agent, dynos) -> {
          if (!dynos.equals(assigned.get(agent))) {
            assigned.put(agent, dynos);
            bumps.add(mailbox.bump(agent));
          }
        });
        return Future.all(bumps).mapEmpty();
      });
    });
  }

  /**
   * Agents silent for longer than the timeout, once this controller has led for that long: before, their silence may
   * be its own absence (killed, restarting), when they had no controller to report to; taking them for lost then
   * would stop every dyno they run.
   */
  private Future<List<Long>> markLost() {
    if (System.nanoTime() - leadingSince < agentTimeout.toNanos()) {
      return Future.succeededFuture(List.of());
    }
    return agents.markLost(agentTimeout.toMillis());
  }

  private Future<Map<App, List<DynoSpec>>> wanted() {
    return apps.all().compose(all -> {
      Map<App, List<DynoSpec>> wanted = new HashMap<>();
      List<Future<?>> lookups = new ArrayList<>();
      for (App app : all) {
        lookups.add(desired.of(app).onSuccess(dynos -> wanted.put(app, dynos)));
      }
      return Future.all(lookups).map(done -> wanted);
    });
  }

  /** The scheduler needs a dyno's room, which the spec carries; the size's name only shows in messages. */
  private static DynoRequest request(DynoSpec spec) {
    DynoSize size = DynoSize.all().stream().filter(s -> s.memoryBytes() == spec.memoryBytes()).findFirst()
        .orElse(new DynoSize(spec.type(), spec.memoryBytes(), Math.max(spec.cpus(), DynoSize.BASIC.cpus())));
    return new DynoRequest(spec.app(), spec.name(), spec.type(), size);
  }
}
