package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "apps:info", aliases = "info", mixinStandardHelpOptions = true, description = "Show an app's details.")
public final class AppsInfo extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Option(names = {"-j", "--json"}, description = "Print the API's JSON.")
  private boolean json;

  @Override
  protected void run() {
    JsonObject app = paas.api().get("/apps/" + ApiClient.segment(appOption.resolve(paas.git())));
    if (json) {
      out().line(app.encodePrettily());
      return;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    String team = app.getString("team");
    if (team == null) {
      fields.put("Owner", app.getString("owner"));
    } else {
      fields.put("Team", team);
    }
    fields.put("Release", app.getString("release", "none"));
    fields.put("Web URL", app.getString("web_url"));
    fields.put("Git URL", app.getString("git_url"));
    fields.put("Created", app.getString("created_at"));
    out().header(app.getString("name"));
    out().fields(fields);
  }
}
