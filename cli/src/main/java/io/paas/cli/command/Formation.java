package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.CliException;
import io.paas.cli.Output;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** An app's formation: how many dynos of each process type should run, and of what size. */
final class Formation {
  private Formation() {
  }

  static String path(String app) {
    return "/apps/" + ApiClient.segment(app) + "/formation";
  }

  static List<JsonObject> of(ApiClient api, String app) {
    return list(api.getArray(path(app)));
  }

  /** Sends all the updates in one request; returns the whole formation after. */
  static List<JsonObject> update(ApiClient api, String app, Map<String, JsonObject> updates) {
    return list(api.patchArray(path(app), new JsonObject().put("updates", new JsonArray(List.copyOf(updates.values())))));
  }

  /**
   * One update per process type, the type being the pattern's first group; the last argument for a type wins.
   * Every argument is matched before anything is sent, so a typo changes nothing; the message shows the shape
   * the arguments take.
   */
  static Map<String, JsonObject> updates(List<String> args, Pattern pattern, String usage,
      Function<Matcher, JsonObject> update) {
    Map<String, JsonObject> updates = new LinkedHashMap<>();
    for (String arg : args) {
      Matcher matcher = pattern.matcher(arg);
      if (!matcher.matches()) {
        throw new CliException(arg + " is invalid: use " + usage + ".");
      }
      updates.put(matcher.group(1), new JsonObject().put("type", matcher.group(1)).mergeIn(update.apply(matcher)));
    }
    return updates;
  }

  /** The API names sizes in lower case; a size typed as shown ({@code Performance}) is the same size. */
  static String apiSize(String size) {
    return size.toLowerCase(Locale.ROOT);
  }

  /** A size as Heroku shows it: {@code standard} as {@code Standard}. */
  static String size(JsonObject process) {
    String size = process.getString("size", "");
    return size.isEmpty() ? size : size.substring(0, 1).toUpperCase(Locale.ROOT) + size.substring(1);
  }

  /** {@code web at 3:Standard, worker at 2:Standard} for the given types, in the formation's order. */
  static String running(List<JsonObject> formation, Set<String> types) {
    return formation.stream()
        .filter(process -> types.contains(process.getString("type")))
        .map(process -> process.getString("type") + " at " + process.getInteger("quantity") + ":" + size(process))
        .collect(Collectors.joining(", "));
  }

  static void print(Output out, List<JsonObject> formation) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Type", "Size", "Qty"));
    formation.forEach(process -> rows.add(
        List.of(process.getString("type"), size(process), String.valueOf(process.getInteger("quantity")))));
    out.header("Dyno Types");
    out.table(rows);
  }

  private static List<JsonObject> list(JsonArray formation) {
    return IntStream.range(0, formation.size()).mapToObj(formation::getJsonObject).toList();
  }
}
