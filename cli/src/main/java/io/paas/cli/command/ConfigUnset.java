package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "config:unset", aliases = "config:remove", mixinStandardHelpOptions = true,
    description = "Remove config vars; the app restarts on a new release.")
public final class ConfigUnset extends PaasCommand {
  @Parameters(paramLabel = "KEY", arity = "1..*", description = "Config vars to remove.")
  private List<String> keys;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    JsonObject change = new JsonObject();
    keys.forEach(change::putNull);
    ConfigChange.apply(paas.api(), out(), appOption.resolve(paas.git()), "Unsetting", change);
  }
}
