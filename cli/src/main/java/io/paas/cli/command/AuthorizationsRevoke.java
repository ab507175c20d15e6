package io.paas.cli.command;

import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "authorizations:revoke", aliases = "authorizations:destroy", mixinStandardHelpOptions = true,
    description = "Revoke one of your API tokens: it stops working at once.")
public final class AuthorizationsRevoke extends PaasCommand {
  @Parameters(paramLabel = "ID", description = "The token's id, as paas authorizations lists it.")
  private long id;

  @Override
  protected void run() {
    JsonObject revoked = paas.api().delete(Authorizations.PATH + "/" + id);
    out().line("Revoked token " + id + " (" + revoked.getString("description") + ")");
  }
}
