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

@Command(name = "drains", aliases = "drains:list", mixinStandardHelpOptions = true,
    description = "List the app's log drains, with how delivery to each is going.")
public final class Drains extends PaasCommand {
  @Mixin
  private AppOption appOption;

  static String path(String app) {
    return "/apps/" + ApiClient.segment(app) + "/log-drains";
  }

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    JsonArray drains = paas.api().getArray(path(app));
    Output out = out();
    if (drains.isEmpty()) {
      out.line(app + " has no drains.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Token", "URL", "State", "Dropped"));
    drains.stream().map(JsonObject.class::cast).forEach(drain -> rows.add(List.of(drain.getString("token"),
        drain.getString("url"), drain.getString("state"), Long.toString(drain.getLong("dropped", 0L)))));
    out.header(app + " Drains");
    out.table(rows);
  }
}
