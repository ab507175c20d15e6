package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "config", aliases = "config:list", mixinStandardHelpOptions = true,
    description = "Show an app's config vars.")
public final class ConfigVars extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Option(names = {"-s", "--shell"}, description = "Print KEY=value lines a shell or .env file can read.")
  private boolean shell;

  @Option(names = {"-j", "--json"}, description = "Print the API's JSON.")
  private boolean json;

  @Option(names = "--show-credentials", description = "Also print the values of the vars addons set; they are "
      + "hidden otherwise, as config:get shows one at a time.")
  private boolean showCredentials;

  static String path(String app) {
    return "/apps/" + ApiClient.segment(app) + "/config-vars";
  }

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    JsonObject vars = paas.api().get(path(app));
    Map<String, String> sorted = new TreeMap<>();
    vars.forEach(entry -> sorted.put(entry.getKey(), String.valueOf(entry.getValue())));
    if (!showCredentials) {
      hideAddonCredentials(app, vars, sorted);
    }
    Output out = out();
    if (json) {
      out.line(new JsonObject(new TreeMap<>(sorted)).encodePrettily());
    } else if (shell) {
      sorted.forEach((key, value) -> out.line(key + "=" + Shell.quote(value)));
    } else if (sorted.isEmpty()) {
      out.line(app + " has no config vars.");
    } else {
      out.header(app + " Config Vars");
      out.fields(sorted);
    }
  }

  /** An addon's vars are credentials: printed only on request, so a shared screen or CI log does not leak them. */
  private void hideAddonCredentials(String app, JsonObject vars, Map<String, String> shown) {
    paas.api().getArray(Addons.path(app)).stream().map(JsonObject.class::cast).forEach(addon ->
        addon.getJsonArray("config_vars").stream().map(String::valueOf).filter(vars::containsKey)
            .forEach(key -> shown.put(key, "(hidden: set by " + addon.getString("name")
                + "; paas config:get " + key + ")")));
  }
}
