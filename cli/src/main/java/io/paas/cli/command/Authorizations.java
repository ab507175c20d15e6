package io.paas.cli.command;

import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "authorizations", aliases = "authorizations:list", mixinStandardHelpOptions = true,
    description = "List your API tokens: those from logging in and those made with auth:token.")
public final class Authorizations extends PaasCommand {
  static final String PATH = "/auth/tokens";

  @Override
  protected void run() {
    JsonArray tokens = paas.api().getArray(PATH);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("ID", "Description", "Created", "Expires", "Last used"));
    tokens.stream().map(JsonObject.class::cast).forEach(token -> rows.add(List.of(
        token.getValue("id").toString(),
        token.getString("description") + (token.getBoolean("current", false) ? " (current)" : ""),
        Output.time(token.getString("created_at")),
        orNever(token.getString("expires_at")),
        orNever(token.getString("last_used_at")))));
    Output out = out();
    out.header("Authorizations");
    out.table(rows);
  }

  static String orNever(String time) {
    return time == null ? "never" : Output.time(time);
  }
}
