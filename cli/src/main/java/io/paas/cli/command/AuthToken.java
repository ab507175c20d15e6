package io.paas.cli.command;

import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "auth:token", aliases = "authorizations:create", mixinStandardHelpOptions = true,
    description = "Make a new API token, for a script or CI (PAAS_API_TOKEN), and print it. It is shown only now.")
public final class AuthToken extends PaasCommand {
  @Option(names = {"-d", "--description"}, paramLabel = "TEXT", description = "What the token is for.")
  private String description;

  @Option(names = "--expires-in-days", paramLabel = "N",
      description = "Days until the token stops working (default: it does not expire).")
  private Integer expiresInDays;

  @Override
  protected void run() {
    JsonObject request = new JsonObject();
    if (description != null) {
      request.put("description", description);
    }
    if (expiresInDays != null) {
      request.put("expires_in_days", expiresInDays);
    }
    JsonObject token = paas.api().post(Authorizations.PATH, request);
    out().line(token.getString("token"));
    err().line("Token " + token.getValue("id") + " (" + token.getString("description") + ") expires: "
        + Authorizations.orNever(token.getString("expires_at")) + ". Revoke it with paas authorizations:revoke "
        + token.getValue("id") + ".");
  }
}
