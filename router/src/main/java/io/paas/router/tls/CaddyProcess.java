package io.paas.router.tls;

import io.paas.common.process.GracefulStop;
import io.paas.common.process.LeftoverProcess;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** One {@code caddy run} child process, started with only its admin address; the config comes later, by its API. */
final class CaddyProcess {
  private static final String BOOTSTRAP_FILE = "caddy-admin.json";
  private static final String PID_FILE = "caddy.pid";
  /** Caddy finishes its in-flight requests on SIGTERM; a long-lived one (a WebSocket) must not hold up a stop. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final Context context;
  private final Future<Integer> exited;
  private final long startedAt = System.nanoTime();

  private CaddyProcess(Process process, Context context) {
    this.process = process;
    this.context = context;
    this.exited = Future.fromCompletionStage(process.onExit(), context).map(Process::exitValue);
  }

  /**
   * Starts caddy with the bootstrap config; its storage and config dirs are under {@code dataDir}. Completes once the
   * process runs, before its admin API answers.
   */
  static Future<CaddyProcess> start(Context context, Path dataDir, JsonObject bootstrap) {
    return context.executeBlocking(() -> {
      Files.createDirectories(dataDir);
      Path config = Files.writeString(dataDir.resolve(BOOTSTRAP_FILE), bootstrap.encodePrettily());
      Path pidFile = dataDir.resolve(PID_FILE);
      // A caddy left running by a paas-server killed with SIGKILL would keep the HTTPS ports from this one.
      LeftoverProcess.stop(pidFile, "caddy", STOP_TIMEOUT);
      ProcessBuilder builder = new ProcessBuilder("caddy", "run", "--config", config.toString(), "--pidfile",
          pidFile.toString()).redirectErrorStream(true);
      // Caddy keeps its PKI, certificates and locks under $XDG_DATA_HOME/caddy.
      builder.environment().put("XDG_DATA_HOME", dataDir.toString());
      builder.environment().put("XDG_CONFIG_HOME", dataDir.toString());
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new IOException("Cannot run caddy (is it installed and on the PATH? scripts/setup installs the "
            + "Debian package): " + e.getMessage(), e);
      }
      CaddyLog.follow(process.getInputStream(), process.pid());
      return new CaddyProcess(process, context);
    }, false);
  }

  /** Completes with the exit status when the process ends, whoever ended it. */
  Future<Integer> exited() {
    return exited;
  }

  Duration uptime() {
    return Duration.ofNanos(System.nanoTime() - startedAt);
  }

  /** Asks caddy to shut down, kills it if it takes too long; completes once it is gone. */
  Future<Void> stop() {
    return Future.fromCompletionStage(GracefulStop.stop(process.toHandle(), STOP_TIMEOUT), context);
  }
}
