package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "maintenance:on", mixinStandardHelpOptions = true,
    description = "Put the app in maintenance mode: the router answers 503 with a maintenance page; dynos run on.")
public final class MaintenanceOn extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    Settings.maintenance(paas.api(), out(), appOption.resolve(paas.git()), true);
  }
}
