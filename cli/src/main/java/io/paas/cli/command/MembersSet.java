package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.PaasCommand;
import io.paas.cli.TeamOption;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "members:set", mixinStandardHelpOptions = true,
    description = "Change a team member's role; a team keeps at least one admin.")
public final class MembersSet extends PaasCommand {
  @Parameters(paramLabel = "EMAIL", description = "A member of the team.")
  private String email;

  @Option(names = "--role", paramLabel = "ROLE", required = true, description = "admin, member or viewer.")
  private String role;

  @Mixin
  private TeamOption teamOption;

  @Override
  protected void run() {
    out().action("Changing " + email + " in " + teamOption.team() + " to " + role, () -> paas.api()
        .patch(teamOption.membersPath() + "/" + ApiClient.segment(email), new JsonObject().put("role", role)));
  }
}
