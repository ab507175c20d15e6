package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "ps:resize", aliases = {"ps:type", "resize"}, mixinStandardHelpOptions = true,
    description = "Change the dyno size of process types; without arguments, show each type's size and quantity.")
public final class PsResize extends PaasCommand {
  private static final Pattern CHANGE = Pattern.compile("([A-Za-z0-9_-]+)=([A-Za-z0-9_-]+)");

  @Parameters(paramLabel = "TYPE=SIZE", arity = "0..*", description = "Like web=performance.")
  private List<String> changes = List.of();

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    Map<String, JsonObject> updates = Formation.updates(changes, CHANGE, "TYPE=SIZE",
        change -> new JsonObject().put("size", Formation.apiSize(change.group(2))));
    String app = appOption.resolve(paas.git());
    ApiClient api = paas.api();
    List<JsonObject> formation = updates.isEmpty()
        ? Formation.of(api, app)
        : out().action("Resizing dynos", () -> Formation.update(api, app, updates));
    Formation.print(out(), formation);
  }
}
