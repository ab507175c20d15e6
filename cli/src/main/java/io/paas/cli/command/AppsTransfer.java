package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "apps:transfer", mixinStandardHelpOptions = true,
    description = "Move the app into a team you are in, or to a user who can deploy it already.")
public final class AppsTransfer extends PaasCommand {
  @Parameters(paramLabel = "TO", description = "A team's name, or a user's email.")
  private String to;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    out().action("Transferring " + app + " to " + to, () -> paas.api()
        .post("/apps/" + ApiClient.segment(app) + "/transfer", new JsonObject().put("to", to)));
  }
}
