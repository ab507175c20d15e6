package io.paas.cli.command;

import io.paas.cli.PaasCommand;
import io.paas.cli.TeamOption;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "members:add", mixinStandardHelpOptions = true,
    description = "Add a user to a team: admins manage it, members deploy its apps, viewers look at them.")
public final class MembersAdd extends PaasCommand {
  @Parameters(paramLabel = "EMAIL", description = "The user's email; they need an account.")
  private String email;

  @Option(names = "--role", paramLabel = "ROLE", required = true, description = "admin, member or viewer.")
  private String role;

  @Mixin
  private TeamOption teamOption;

  @Override
  protected void run() {
    out().action("Adding " + email + " to " + teamOption.team() + " as " + role, () -> paas.api()
        .post(teamOption.membersPath(), new JsonObject().put("email", email).put("role", role)));
  }
}
