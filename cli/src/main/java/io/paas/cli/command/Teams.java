package io.paas.cli.command;

import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "teams", aliases = "teams:list", mixinStandardHelpOptions = true,
    description = "List the teams you are in, with your role in each.")
public final class Teams extends PaasCommand {
  @Override
  protected void run() {
    JsonArray teams = paas.api().getArray("/teams");
    if (teams.isEmpty()) {
      out().line("You are not a member of any team.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Team", "Role"));
    teams.stream().map(JsonObject.class::cast)
        .forEach(team -> rows.add(List.of(team.getString("name"), team.getString("role"))));
    out().table(rows);
  }
}
