package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "addons", aliases = "addons:list", mixinStandardHelpOptions = true,
    description = "List the app's addons, their plans and the config vars they set.")
public final class Addons extends PaasCommand {
  @Mixin
  private AppOption appOption;

  static String path(String app) {
    return "/apps/" + ApiClient.segment(app) + "/addons";
  }

  static String path(String app, String addon) {
    return path(app) + "/" + ApiClient.segment(addon);
  }

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    JsonArray addons = paas.api().getArray(path(app));
    if (addons.isEmpty()) {
      out().line(app + " has no addons. Add one with paas addons:create postgres -a " + app);
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Addon", "Plan", "As", "Config vars", "Created"));
    addons.stream().map(JsonObject.class::cast).forEach(addon -> rows.add(List.of(addon.getString("name"),
        addon.getString("service") + ":" + addon.getString("plan"), addon.getString("attachment"),
        String.join(", ", addon.getJsonArray("config_vars").stream().map(String::valueOf).toList()),
        Output.time(addon.getString("created_at")))));
    out().table(rows);
  }
}
