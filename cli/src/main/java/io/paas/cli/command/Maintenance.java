package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "maintenance", mixinStandardHelpOptions = true,
    description = "Show whether the app is in maintenance mode (on or off).")
public final class Maintenance extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    out().line(Settings.maintenance(paas.api().get(Settings.path(appOption.resolve(paas.git())))));
  }
}
