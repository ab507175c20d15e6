package io.paas.cli.command;

import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apps", aliases = "apps:list", mixinStandardHelpOptions = true,
    description = "List your apps, your teams' apps and the apps you collaborate on.")
public final class Apps extends PaasCommand {
  @Option(names = {"-j", "--json"}, description = "Print the API's JSON.")
  private boolean json;

  @Override
  protected void run() {
    JsonArray apps = paas.api().getArray("/apps");
    Output out = out();
    if (json) {
      out.line(apps.encodePrettily());
    } else if (apps.isEmpty()) {
      out.line("You have no apps.");
    } else {
      print(out, sections(apps));
    }
  }

  /** As Heroku groups them: your own, each team's, then those of others you collaborate on with their owner. */
  private static Map<String, List<List<String>>> sections(JsonArray apps) {
    List<List<String>> own = new ArrayList<>();
    Map<String, List<List<String>>> teams = new TreeMap<>();
    List<List<String>> collaborated = new ArrayList<>();
    apps.stream().map(JsonObject.class::cast).forEach(app -> {
      String name = app.getString("name");
      String team = app.getString("team");
      if (team != null) {
        teams.computeIfAbsent("Apps in team " + team, key -> new ArrayList<>()).add(List.of(name));
      } else if ("owner".equals(app.getString("role"))) {
        own.add(List.of(name));
      } else {
        collaborated.add(List.of(name, app.getString("owner")));
      }
    });
    Map<String, List<List<String>>> sections = new LinkedHashMap<>();
    sections.put("My Apps", own);
    sections.putAll(teams);
    sections.put("Collaborated Apps", collaborated);
    return sections;
  }

  private static void print(Output out, Map<String, List<List<String>>> sections) {
    boolean first = true;
    for (Map.Entry<String, List<List<String>>> section : sections.entrySet()) {
      if (section.getValue().isEmpty()) {
        continue;
      }
      if (!first) {
        out.line("");
      }
      first = false;
      out.header(section.getKey());
      out.table(section.getValue());
    }
  }
}
