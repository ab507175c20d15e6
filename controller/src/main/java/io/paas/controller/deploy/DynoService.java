package io.paas.controller.deploy;

import io.paas.agent.Agent;
import io.paas.agent.DynoSpec;
import io.paas.agent.DynoStatus;
import io.paas.agent.NoSuchDynoException;
import io.paas.common.ApiException;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.store.App;
import io.paas.controller.store.Release;
import io.paas.controller.store.ReleaseStore;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Consumer;

/** The dynos an app runs: what they are doing, restarting and stopping them, and one-off dynos. */
public final class DynoService {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Agent agent;
  private final ReleaseStore releases;
  private final LogHub logs;

  public DynoService(Agent agent, ReleaseStore releases, LogHub logs) {
    this.agent = agent;
    this.releases = releases;
    this.logs = logs;
  }

  public List<DynoStatus> status(App app) {
    return agent.status(app.name());
  }

  /** {@code which}: null for every dyno, a type ({@code web}) or a name ({@code web.2}). */
  public Future<Void> restart(App app, String which, String email) {
    return known(agent.restart(app.name(), which))
        .onSuccess(v -> api(app, "Restarted " + (which == null ? "all dynos" : which) + " by user " + email));
  }

  public Future<Void> stop(App app, String which, String email) {
    return known(agent.stop(app.name(), which))
        .onSuccess(v -> api(app, "Stopped " + which + " by user " + email));
  }

  /**
   * Runs a command in a new container of the app's current release with its config vars; its output goes to
   * {@code output} (attached) and to the log as {@code app[run.N]}. Completes with the dyno's name and a future
   * of its exit status.
   */
  public Future<OneOff> run(App app, String command, String email, Consumer<String> output) {
    if (command == null || command.isBlank()) {
      return Future.failedFuture(ApiException.invalid("A command to run is required."));
    }
    return releases.current(app.id()).map(current -> {
      Release release = current.orElseThrow(() -> ApiException.invalid(
          app.name() + " has no release to run the command in yet; push first."));
      String name = "run." + (1000 + RANDOM.nextInt(9000));
      DynoSpec spec = DynoPlan.oneOff(app.name(), release, name, command);
      api(app, "Starting process with command `" + command + "` by user " + email);
      Future<Integer> exit = agent.runOnce(spec, line -> {
        logs.append(app.name(), LogEntry.now(LogEntry.APP, name, line));
        output.accept(line);
      });
      return new OneOff(name, exit);
    });
  }

  /** The agent's "no such dyno" is the API's 404. */
  private static Future<Void> known(Future<Void> action) {
    return action.recover(e -> Future.failedFuture(
        e instanceof NoSuchDynoException ? ApiException.notFound(e.getMessage()) : e));
  }

  private void api(App app, String text) {
    logs.append(app.name(), LogEntry.now(LogEntry.PLATFORM, "api", text));
  }

  public record OneOff(String name, Future<Integer> exit) {
  }
}
