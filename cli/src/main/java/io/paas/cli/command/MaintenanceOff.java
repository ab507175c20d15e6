package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "maintenance:off", mixinStandardHelpOptions = true,
    description = "Take the app out of maintenance mode: requests reach its dynos again.")
public final class MaintenanceOff extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    Settings.maintenance(paas.api(), out(), appOption.resolve(paas.git()), false);
  }
}
