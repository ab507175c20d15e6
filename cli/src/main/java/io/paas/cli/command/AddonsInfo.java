package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "addons:info", mixinStandardHelpOptions = true,
    description = "Show an addon's plan, state and config vars; their values only with --show-credentials.")
public final class AddonsInfo extends PaasCommand {
  @Parameters(paramLabel = "ADDON", description = "The addon's name or attachment name (DATABASE).")
  private String addon;

  @Option(names = "--show-credentials", description = "Also print the config vars' values.")
  private boolean showCredentials;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    JsonObject info = AddonInfo.fetch(paas.api(), app, addon, showCredentials);
    Output out = out();
    out.header(info.getString("name"));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Service", info.getString("service"));
    fields.put("Plan", info.getString("plan"));
    fields.put("As", info.getString("attachment"));
    fields.put("Config vars", String.join(", ", info.getJsonArray("config_vars").stream().map(String::valueOf)
        .toList()));
    fields.put("Created", Output.time(info.getString("created_at")));
    new TreeMap<>(info.getJsonObject("info").getMap()).forEach((key, value) -> fields.put(AddonInfo.label(key),
        String.valueOf(value)));
    out.fields(fields);
    if (showCredentials) {
      out.line("");
      new TreeMap<>(info.getJsonObject("config").getMap()).forEach((key, value) -> out.line(key + "=" + value));
    }
  }
}
