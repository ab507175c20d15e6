package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "ps:scale", aliases = "scale", mixinStandardHelpOptions = true,
    description = "Set how many dynos of each process type run, and optionally their size; "
        + "without arguments, show the current scale.")
public final class PsScale extends PaasCommand {
  private static final Pattern CHANGE = Pattern.compile("([A-Za-z0-9_-]+)=(\\d{1,4})(?::([A-Za-z0-9_-]+))?");

  @Parameters(paramLabel = "TYPE=QUANTITY[:SIZE]", arity = "0..*", description = "Like web=3, worker=0 or web=2:performance.")
  private List<String> changes = List.of();

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    Map<String, JsonObject> updates = Formation.updates(changes, CHANGE, "TYPE=QUANTITY[:SIZE]", change -> {
      JsonObject update = new JsonObject().put("quantity", Integer.parseInt(change.group(2)));
      return change.group(3) == null ? update : update.put("size", Formation.apiSize(change.group(3)));
    });
    String app = appOption.resolve(paas.git());
    ApiClient api = paas.api();
    if (updates.isEmpty()) {
      out().line(Formation.of(api, app).stream()
          .map(process -> process.getString("type") + "=" + process.getInteger("quantity") + ":" + Formation.size(process))
          .collect(Collectors.joining(" ")));
      return;
    }
    out().action("Scaling dynos", () -> Formation.update(api, app, updates),
        formation -> ", now running " + Formation.running(formation, updates.keySet()));
  }
}
