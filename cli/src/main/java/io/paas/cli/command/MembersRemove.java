package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.PaasCommand;
import io.paas.cli.TeamOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "members:remove", mixinStandardHelpOptions = true,
    description = "Remove a user from a team, and so from its apps; a team keeps at least one admin.")
public final class MembersRemove extends PaasCommand {
  @Parameters(paramLabel = "EMAIL", description = "A member of the team.")
  private String email;

  @Mixin
  private TeamOption teamOption;

  @Override
  protected void run() {
    out().action("Removing " + email + " from " + teamOption.team(),
        () -> paas.api().delete(teamOption.membersPath() + "/" + ApiClient.segment(email)));
  }
}
