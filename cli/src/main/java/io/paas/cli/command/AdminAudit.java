package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.CliException;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "admin:audit", mixinStandardHelpOptions = true,
    description = "Show the audit log, oldest of the recent events first: who did what to which app, and from "
        + "where (admins only).")
public final class AdminAudit extends PaasCommand {
  @Option(names = {"-a", "--app"}, paramLabel = "APP", description = "Only events of this app.")
  private String app;

  @Option(names = {"-u", "--user"}, paramLabel = "EMAIL", description = "Only events by this user.")
  private String user;

  @Option(names = "--action", paramLabel = "ACTION", description = "Only events of this action, like config.change.")
  private String action;

  @Option(names = {"-n", "--num"}, paramLabel = "NUM", defaultValue = "100",
      description = "How many recent events to show (default: ${DEFAULT-VALUE}).")
  private int num;

  @Option(names = {"-j", "--json"}, description = "Print the API's JSON.")
  private boolean json;

  @Override
  protected void run() {
    if (num < 1) {
      throw new CliException("--num must be at least 1.");
    }
    String path = "/admin/audit?limit=" + num + param("app", app) + param("user", user) + param("action", action);
    JsonArray events = paas.api().getArray(path);
    Output out = out();
    if (json) {
      out.line(events.encodePrettily());
      return;
    }
    if (events.isEmpty()) {
      out.line("No audit events match.");
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Time", "User", "Action", "App", "Address", "Details"));
    IntStream.range(0, events.size()).map(i -> events.size() - 1 - i).mapToObj(events::getJsonObject)
        .forEach(event -> rows.add(List.of(Output.time(event.getString("at")), event.getString("actor", ""),
            event.getString("action", ""), orEmpty(event.getString("app")), orEmpty(event.getString("address")),
            details(event.getJsonObject("details", new JsonObject())))));
    out.table(rows);
  }

  private static String param(String name, String value) {
    return value == null ? "" : "&" + name + "=" + ApiClient.segment(value);
  }

  /** {@code key=value} pairs; a list of names joined by commas, anything else as JSON. */
  private static String details(JsonObject details) {
    return details.stream().map(entry -> entry.getKey() + "=" + value(entry.getValue()))
        .collect(Collectors.joining(" "));
  }

  private static String value(Object value) {
    if (value instanceof JsonArray list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
