package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.CliException;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "mail", aliases = "mail:list", mixinStandardHelpOptions = true,
    description = "List the mail the app sent through its smtp addons, newest first.")
public final class Mail extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Option(names = {"-n", "--num"}, paramLabel = "NUM", defaultValue = "20",
      description = "How many messages to show (default: ${DEFAULT-VALUE}).")
  private int num;

  static String path(String app) {
    return "/apps/" + ApiClient.segment(app) + "/mail";
  }

  @Override
  protected void run() {
    if (num < 1) {
      throw new CliException("--num must be at least 1.");
    }
    String app = appOption.resolve(paas.git());
    JsonArray mail = paas.api().getArray(path(app) + "?limit=" + num);
    if (mail.isEmpty()) {
      out().line(app + " has sent no mail.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("ID", "Date", "From", "To", "Subject"));
    mail.stream().map(JsonObject.class::cast).forEach(message -> rows.add(List.of(
        String.valueOf(message.getLong("id")),
        Output.time(message.getString("received_at")),
        message.getString("from", ""),
        message.getJsonArray("to", new JsonArray()).stream().map(String::valueOf).collect(Collectors.joining(", ")),
        message.getString("subject", ""))));
    out().header(app + " Mail");
    out().table(rows);
  }
}
