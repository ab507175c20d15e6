package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "releases:rollback", aliases = "rollback", mixinStandardHelpOptions = true,
    description = "Roll back to an earlier release's build and config as a new release.")
public final class ReleasesRollback extends PaasCommand {
  @Parameters(paramLabel = "RELEASE", arity = "0..1",
      description = "Version like v3 (default: the last succeeded release before the current one).")
  private String release;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    ApiClient api = paas.api();
    int target = release != null
        ? ReleaseList.version(release)
        : ReleaseList.of(api, app).previous().getInteger("version");
    out().action("Rolling back " + app + " to v" + target,
        () -> api.post(ReleaseList.path(app), new JsonObject().put("release", target)),
        created -> ", " + ReleaseList.name(created));
  }
}
