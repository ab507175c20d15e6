package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.PaasCommand;
import io.paas.cli.TeamOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "members", aliases = "members:list", mixinStandardHelpOptions = true,
    description = "List the members of a team with their roles.")
public final class Members extends PaasCommand {
  @Mixin
  private TeamOption teamOption;

  @Override
  protected void run() {
    String team = teamOption.team();
    AccessList.print(out(), "Members of " + team,
        paas.api().get("/teams/" + ApiClient.segment(team)).getJsonArray("members"));
  }
}
