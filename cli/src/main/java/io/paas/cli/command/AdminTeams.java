package io.paas.cli.command;

import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "admin:teams", mixinStandardHelpOptions = true,
    description = "List every team of the platform, with its numbers of members and apps (admins only).")
public final class AdminTeams extends PaasCommand {
  @Option(names = {"-j", "--json"}, description = "Print the API's JSON.")
  private boolean json;

  @Override
  protected void run() {
    JsonArray teams = paas.api().getArray("/admin/teams");
    if (json) {
      out().line(teams.encodePrettily());
    } else if (teams.isEmpty()) {
      out().line("There are no teams.");
    } else {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("Team", "Members", "Apps", "Created"));
      teams.stream().map(JsonObject.class::cast).forEach(team -> rows.add(List.of(team.getString("name"),
          String.valueOf(team.getLong("members", 0L)), String.valueOf(team.getLong("apps", 0L)),
          Output.time(team.getString("created_at")))));
      out().header("Teams");
      out().table(rows);
    }
  }
}
