package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apps:settings", mixinStandardHelpOptions = true,
    description = "Show an app's settings, or change its request timeout and health check path (no release, no "
        + "restart: a new path applies to dynos started afterwards).")
public final class AppsSettings extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Option(names = "--request-timeout", paramLabel = "SECONDS",
      description = "How long the router waits for a dyno to start its response, 1 to 300.")
  private Integer requestTimeout;

  @ArgGroup(exclusive = true)
  private HealthCheck healthCheck;

  static final class HealthCheck {
    @Option(names = "--health-check-path", paramLabel = "PATH",
        description = "Path that new web dynos must answer with a status below 400 before they take traffic.")
    private String path;

    @Option(names = "--no-health-check-path", description = "Back to the default check: any answer to HEAD /.")
    private boolean none;
  }

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    ApiClient api = paas.api();
    JsonObject change = new JsonObject();
    if (requestTimeout != null) {
      change.put("request_timeout", requestTimeout);
    }
    if (healthCheck != null) {
      change.put("health_check_path", healthCheck.path);
    }
    JsonObject settings = change.isEmpty() ? api.get(Settings.path(app))
        : out().action("Updating settings of " + app, () -> api.patch(Settings.path(app), change));
    Settings.print(out(), settings);
  }
}
