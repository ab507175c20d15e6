package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.CliException;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "pg:info", aliases = "pg", mixinStandardHelpOptions = true,
    description = "Show the app's PostgreSQL databases: plan, size, connections and version.")
public final class PgInfo extends PaasCommand {
  @Parameters(paramLabel = "DATABASE", arity = "0..1", description = "An addon or attachment name (default: all).")
  private String database;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    var databases = paas.api().getArray(Addons.path(app)).stream().map(JsonObject.class::cast)
        .filter(addon -> "postgres".equals(addon.getString("service")))
        .filter(addon -> database == null || database.equals(addon.getString("name"))
            || database.equals(addon.getString("attachment")))
        .toList();
    if (databases.isEmpty()) {
      throw new CliException(database == null ? app + " has no PostgreSQL addon." : "No PostgreSQL addon "
          + database + " on " + app + ".");
    }
    for (JsonObject addon : databases) {
      JsonObject info = AddonInfo.fetch(paas.api(), app, addon.getString("name"), false);
      out().header(info.getString("attachment") + "_URL (" + info.getString("name") + ")");
      Map<String, String> fields = new LinkedHashMap<>();
      new TreeMap<>(info.getJsonObject("info").getMap()).forEach((key, value) -> fields.put(AddonInfo.label(key),
          String.valueOf(value)));
      out().fields(fields);
      out().line("");
    }
  }
}
