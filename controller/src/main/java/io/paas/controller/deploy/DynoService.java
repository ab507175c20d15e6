package io.paas.controller.deploy;

import io.paas.agent.DynoSpec;
import io.paas.agent.DynoStatus;
import io.paas.common.ApiException;
import io.paas.controller.cluster.AgentChooser;
import io.paas.controller.cluster.AgentReports;
import io.paas.controller.cluster.Jobs;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.scheduler.DynoSize;
import io.paas.controller.store.App;
import io.paas.controller.store.Release;
import io.paas.controller.store.ReleaseStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;

/**
 * The dynos an app runs, across the agents: what they are doing (from the heartbeats), restarting and stopping
 * them (jobs for the agents that run them), and one-off dynos (a job for the agent with the most room).
 */
public final class DynoService {
  private final AgentReports reports;
  private final AgentChooser chooser;
  private final Jobs jobs;
  private final ReleaseStore releases;
  private final FormationService formations;
  private final LogHub logs;

  public DynoService(AgentReports reports, AgentChooser chooser, Jobs jobs, ReleaseStore releases,
                     FormationService formations, LogHub logs) {
    this.formations = formations;
    this.reports = reports;
    this.chooser = chooser;
    this.jobs = jobs;
    this.releases = releases;
    this.logs = logs;
  }

  public List<DynoStatus> status(App app) {
    return reports.status(app.name());
  }

  /** {@code which}: null for every dyno, a type ({@code web}) or a name ({@code web.2}). */
  public Future<Void> restart(App app, String which, String email) {
    return onAgents(app, "restart", which)
        .onSuccess(v -> api(app, "Restarted " + (which == null ? "all dynos" : which) + " by user " + email));
  }

  public Future<Void> stop(App app, String which, String email) {
    return onAgents(app, "stop", which)
        .onSuccess(v -> api(app, "Stopped " + which + " by user " + email));
  }

  /**
   * Runs a command in a new container of the app's current release with its config vars; its output goes to
   * {@code output} (attached) and to the log as {@code app[run.N]}. It takes room on the cluster while it runs,
   * so a run that does not fit is a 422. Completes with the dyno's name and a future of its exit status.
   */
  public Future<OneOff> run(App app, String command, String email, Consumer<String> output) {
    if (command == null || command.isBlank()) {
      return Future.failedFuture(ApiException.invalid("A command to run is required."));
    }
    return releases.current(app.id()).compose(current -> {
      Release release = current.orElseThrow(() -> ApiException.invalid(
          app.name() + " has no release to run the command in yet; push first."));
      return formations.reserveOneOff(app, DynoSize.DEFAULT).compose(room -> {
        DynoSpec spec = DynoPlan.oneOff(app.name(), release, room.name(), command);
        return chooser.forOneOff(spec.memoryBytes()).map(agent -> {
          api(app, "Starting process with command `" + command + "` by user " + email);
          Future<Integer> exit = jobs.run(agent, spec, line -> {
            logs.append(app.name(), LogEntry.now(LogEntry.APP, room.name(), line));
            output.accept(line);
          }).andThen(done -> formations.releaseOneOff(room));
          return new OneOff(room.name(), exit);
        }).onFailure(e -> formations.releaseOneOff(room));
      });
    });
  }

  /**
   * Hands the restart or stop to every agent that runs the dynos; an agent that has none of them says so, and only
   * when none has any is it the API's 404.
   */
  private Future<Void> onAgents(App app, String kind, String which) {
    List<Long> agents = reports.agentsRunning(app.name());
    if (agents.isEmpty()) {
      return Future.failedFuture(ApiException.notFound(which == null || which.contains(".")
          ? app.name() + " has no dyno " + (which == null ? "running" : which) + "."
          : app.name() + " has no " + which + " dynos."));
    }
    List<Future<JsonObject>> results = agents.stream().map(agent -> jobs.act(agent, kind, app.name(), which)).toList();
    return Future.all(results).compose(done -> {
      List<JsonObject> errors = results.stream().map(Future::result).filter(r -> r.containsKey("error")).toList();
      if (errors.size() == results.size() && errors.stream().allMatch(r -> r.getBoolean("not_found", false))) {
        return Future.failedFuture(ApiException.notFound(errors.get(0).getString("error")));
      }
      return errors.stream().filter(r -> !r.getBoolean("not_found", false)).findFirst()
          .<Future<Void>>map(r -> Future.failedFuture(r.getString("error")))
          .orElse(Future.succeededFuture());
    });
  }

  private void api(App app, String text) {
    logs.append(app.name(), LogEntry.now(LogEntry.PLATFORM, "api", text));
  }

  public record OneOff(String name, Future<Integer> exit) {
  }
}
