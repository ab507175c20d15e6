package io.paas.cli.command;

import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "addons:services", aliases = "addons:plans", mixinStandardHelpOptions = true,
    description = "List the addon services and their plans (the first is the default).")
public final class AddonsServices extends PaasCommand {
  @Override
  protected void run() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Service", "Plan", "Description"));
    paas.api().getArray("/addon-services").stream().map(JsonObject.class::cast).forEach(service ->
        service.getJsonArray("plans").stream().map(JsonObject.class::cast).forEach(plan -> rows.add(List.of(
            service.getString("name"), plan.getString("name") + (plan.getBoolean("default", false) ? " (default)" : ""),
            plan.getString("description")))));
    out().table(rows);
  }
}
