package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.CliException;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "config:set", aliases = "config:add", mixinStandardHelpOptions = true,
    description = "Set config vars; the app restarts on a new release.")
public final class ConfigSet extends PaasCommand {
  @Parameters(paramLabel = "KEY=VALUE", arity = "1..*", description = "Config vars to set; a value may contain '='.")
  private List<String> assignments;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    Map<String, String> vars = parse(assignments);
    String app = appOption.resolve(paas.git());
    ConfigChange.apply(paas.api(), out(), app, "Setting", new JsonObject(new LinkedHashMap<>(vars)));
    out().fields(vars);
  }

  /** Checks every argument before anything is sent, so a typo changes nothing. */
  private static Map<String, String> parse(List<String> assignments) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals < 1) {
        throw new CliException(assignment + " is invalid: must be KEY=VALUE.");
      }
      vars.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
    return vars;
  }
}
