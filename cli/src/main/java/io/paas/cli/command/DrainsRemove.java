package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "drains:remove", aliases = "drains:delete", mixinStandardHelpOptions = true,
    description = "Stop forwarding the app's logs to a drain.")
public final class DrainsRemove extends PaasCommand {
  @Parameters(paramLabel = "URL|TOKEN", description = "The drain's URL as it was added, or its token.")
  private String drain;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    JsonObject removed = paas.api().delete(Drains.path(app) + "/" + ApiClient.segment(drain));
    out().line("Successfully removed drain " + removed.getString("url"));
  }
}
