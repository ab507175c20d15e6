package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "access:remove", mixinStandardHelpOptions = true, description = "Remove a collaborator from your app.")
public final class AccessRemove extends PaasCommand {
  @Parameters(paramLabel = "EMAIL", description = "A collaborator on the app.")
  private String email;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    out().action("Removing " + email + " access from the app " + app,
        () -> paas.api().delete(Access.path(app) + "/" + ApiClient.segment(email)));
  }
}
