package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "access:add", mixinStandardHelpOptions = true,
    description = "Add a collaborator to your app: they may deploy and configure it, not destroy or share it.")
public final class AccessAdd extends PaasCommand {
  @Parameters(paramLabel = "EMAIL", description = "The user's email; they need an account.")
  private String email;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    out().action("Adding " + email + " access to the app " + app,
        () -> paas.api().post(Access.path(app), new JsonObject().put("email", email)));
  }
}
