package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "access", aliases = "access:list", mixinStandardHelpOptions = true,
    description = "List who has access to the app: its owner and collaborators, or its team's members.")
public final class Access extends PaasCommand {
  @Mixin
  private AppOption appOption;

  static String path(String app) {
    return "/apps/" + ApiClient.segment(app) + "/collaborators";
  }

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    AccessList.print(out(), app + " Access List", paas.api().getArray(path(app)));
  }
}
