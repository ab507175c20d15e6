package io.paas.cli.command;

import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "admin:users", mixinStandardHelpOptions = true,
    description = "List every user of the platform, with the apps each owns personally (admins only).")
public final class AdminUsers extends PaasCommand {
  @Option(names = {"-j", "--json"}, description = "Print the API's JSON.")
  private boolean json;

  @Override
  protected void run() {
    JsonArray users = paas.api().getArray("/admin/users");
    if (json) {
      out().line(users.encodePrettily());
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Email", "Admin", "Apps", "Created"));
    users.stream().map(JsonObject.class::cast).forEach(user -> rows.add(List.of(user.getString("email"),
        user.getBoolean("admin", false) ? "yes" : "no", String.valueOf(user.getLong("apps", 0L)),
        Output.time(user.getString("created_at")))));
    out().header("Users");
    out().table(rows);
  }
}
