package io.paas.cli.command;

import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "teams:create", mixinStandardHelpOptions = true,
    description = "Create a team to own apps together; you become its admin.")
public final class TeamsCreate extends PaasCommand {
  @Parameters(paramLabel = "NAME", description = "Name of the team: lowercase letters, digits and dashes.")
  private String name;

  @Override
  protected void run() {
    out().action("Creating team " + name, () -> paas.api().post("/teams", new JsonObject().put("name", name)));
  }
}
