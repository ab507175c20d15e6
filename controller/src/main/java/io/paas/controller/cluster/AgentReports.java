package io.paas.controller.cluster;

import io.paas.agent.DynoStatus;
import io.paas.agent.remote.ControllerClient.Failure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * What the agents last reported in their heartbeats: their dynos' states and the converges that failed. Kept in
 * memory: it is observed state, and every agent reports again within seconds of a controller's start.
 */
public final class AgentReports {
  private final Map<Long, Report> reports = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private record Report(String agent, List<DynoStatus> dynos, List<Failure> failures) {
  }

  public void report(long agentId, String agentName, List<DynoStatus> dynos, List<Failure> failures) {
    reports.put(agentId, new Report(agentName, List.copyOf(dynos), List.copyOf(failures)));
    listeners.forEach(Runnable::run);
  }

  /** A lost agent's dynos are gone as far as anyone can tell. */
  public void forget(long agentId) {
    reports.remove(agentId);
    listeners.forEach(Runnable::run);
  }

  /** The app's dynos on every agent, each with the agent's name as its host, in {@link DynoStatus#ORDER}. */
  public List<DynoStatus> status(String app) {
    List<DynoStatus> all = new ArrayList<>();
    reports.values().forEach(report -> report.dynos().stream().filter(d -> d.app().equals(app))
        .map(d -> d.onHost(report.agent()))
        .forEach(all::add));
    all.sort(DynoStatus.ORDER);
    return all;
  }

  /** The agents that report dynos of the app. */
  public List<Long> agentsRunning(String app) {
    return reports.entrySet().stream().filter(e -> e.getValue().dynos().stream().anyMatch(d -> d.app().equals(app)))
        .map(Map.Entry::getKey).toList();
  }

  /** The failures agents report for converging the app to {@code release}. */
  public List<String> failures(String app, int release) {
    return reports.values().stream().flatMap(r -> r.failures().stream())
        .filter(f -> f.app().equals(app) && f.release() == release).map(Failure::message).toList();
  }

  /**
   * Completes once {@code check} says so, looking after every report; fails if {@code check} throws, or with
   * {@code timeoutMessage} after {@code timeout}.
   */
  public Future<Void> await(Vertx vertx, BooleanSupplier check, Duration timeout, String timeoutMessage) {
    Promise<Void> done = Promise.promise();
    Runnable look = () -> {
      try {
        if (check.getAsBoolean()) {
          done.tryComplete();
        }
      } catch (RuntimeException e) {
        done.tryFail(e);
      }
    };
    listeners.add(look);
    long timer = vertx.setTimer(timeout.toMillis(), t -> done.tryFail(timeoutMessage));
    look.run();
    return done.future().onComplete(finished -> {
      listeners.remove(look);
      vertx.cancelTimer(timer);
    });
  }
}
