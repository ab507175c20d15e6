package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "config:get", mixinStandardHelpOptions = true,
    description = "Print one config var's value; nothing when it is not set.")
public final class ConfigGet extends PaasCommand {
  @Parameters(paramLabel = "KEY", description = "Name of the config var.")
  private String key;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    Object value = paas.api().get(ConfigVars.path(appOption.resolve(paas.git()))).getValue(key);
    if (value != null) {
      out().line(String.valueOf(value));
    }
  }
}
