package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ps", mixinStandardHelpOptions = true,
    description = "List an app's dynos, grouped by process type.")
public final class Ps extends PaasCommand {
  /** web.2 before web.10. */
  private static final Comparator<JsonObject> BY_NUMBER = Comparator
      .comparingInt((JsonObject dyno) -> number(dyno.getString("name", "")))
      .thenComparing(dyno -> dyno.getString("name", ""));

  @Mixin
  private AppOption appOption;

  @Option(names = {"-j", "--json"}, description = "Print the API's JSON of the dynos.")
  private boolean json;

  static String path(String app) {
    return "/apps/" + ApiClient.segment(app) + "/dynos";
  }

  /** The path of one dyno ({@code web.1}) or of all dynos of a type ({@code web}). */
  static String path(String app, String dyno) {
    return path(app) + "/" + ApiClient.segment(dyno);
  }

  /** {@code web.1 dyno} for one dyno, {@code web dynos} for a process type, as Heroku words it. */
  static String target(String dyno) {
    return dyno.contains(".") ? dyno + " dyno" : dyno + " dynos";
  }

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    ApiClient api = paas.api();
    List<JsonObject> formation = Formation.of(api, app);
    JsonArray dynos = api.getArray(path(app));
    Output out = out();
    if (json) {
      out.line(dynos.encodePrettily());
    } else if (dynos.isEmpty()) {
      out.line("No dynos on " + app);
    } else {
      print(out, formation, byType(dynos), Instant.now());
    }
  }

  /**
   * One group per process type in the formation's order, headed by its size, command and quantity; then dynos of
   * types the formation does not have (one-off dynos), with their own size and command. A blank line between groups.
   */
  private static void print(Output out, List<JsonObject> formation, Map<String, List<JsonObject>> byType, Instant now) {
    List<Group> groups = new ArrayList<>();
    for (JsonObject process : formation) {
      List<JsonObject> dynos = byType.remove(process.getString("type"));
      if (dynos != null) {
        groups.add(new Group(process.getString("type") + " (" + Formation.size(process) + "): "
            + process.getString("command", "") + " (" + process.getInteger("quantity", dynos.size()) + ")",
            dynos.stream().map(dyno -> dyno.getString("name") + ": " + status(dyno, now) + release(dyno)).toList()));
      }
    }
    byType.forEach((type, dynos) -> groups.add(new Group(type + ": one-off processes (" + dynos.size() + ")",
        dynos.stream().map(dyno -> dyno.getString("name") + " (" + Formation.size(dyno) + "): "
            + status(dyno, now) + ": " + dyno.getString("command", "")).toList())));
    for (int i = 0; i < groups.size(); i++) {
      if (i > 0) {
        out.line("");
      }
      out.header(groups.get(i).header());
      groups.get(i).lines().forEach(out::line);
    }
  }

  /** {@code up 2026-11-27 10:00 UTC (~ 5m ago), 2 restarts}. */
  private static String status(JsonObject dyno, Instant now) {
    StringBuilder status = new StringBuilder(dyno.getString("state", "unknown"));
    if (dyno.getString("since") != null) {
      status.append(' ').append(Output.since(dyno.getString("since"), now));
    }
    int restarts = dyno.getInteger("restarts", 0);
    if (restarts > 0) {
      status.append(", ").append(restarts).append(restarts == 1 ? " restart" : " restarts");
    }
    return status.toString();
  }

  private static String release(JsonObject dyno) {
    return dyno.getString("release") == null ? "" : "  " + dyno.getString("release");
  }

  private static Map<String, List<JsonObject>> byType(JsonArray dynos) {
    Map<String, List<JsonObject>> byType = new LinkedHashMap<>();
    IntStream.range(0, dynos.size()).mapToObj(dynos::getJsonObject).sorted(BY_NUMBER)
        .forEach(dyno -> byType.computeIfAbsent(dyno.getString("type"), type -> new ArrayList<>()).add(dyno));
    return byType;
  }

  private static int number(String name) {
    String suffix = name.substring(name.lastIndexOf('.') + 1);
    return suffix.matches("\\d{1,9}") ? Integer.parseInt(suffix) : 0;
  }

  private record Group(String header, List<String> lines) {
  }
}
