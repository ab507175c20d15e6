package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.CliException;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "releases", aliases = "releases:list", mixinStandardHelpOptions = true,
    description = "List an app's releases, newest first.")
public final class Releases extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Option(names = {"-n", "--num"}, paramLabel = "NUM", defaultValue = "15",
      description = "How many releases to show (default: ${DEFAULT-VALUE}).")
  private int num;

  @Option(names = {"-j", "--json"}, description = "Print the releases shown as the API's JSON.")
  private boolean json;

  @Override
  protected void run() {
    if (num < 1) {
      throw new CliException("--num must be at least 1.");
    }
    String app = appOption.resolve(paas.git());
    ReleaseList releases = ReleaseList.of(paas.api(), app);
    List<JsonObject> all = releases.all();
    List<JsonObject> shown = new ArrayList<>(all.subList(Math.max(0, all.size() - num), all.size()));
    Collections.reverse(shown);
    Output out = out();
    if (json) {
      out.line(new JsonArray(List.copyOf(shown)).encodePrettily());
    } else if (shown.isEmpty()) {
      out.line(app + " has no releases yet.");
    } else {
      out.header(app + " Releases");
      out.table(shown.stream().map(Releases::row).toList());
    }
  }

  private static List<String> row(JsonObject release) {
    return List.of(ReleaseList.name(release), release.getString("description", ""), release.getString("user", ""),
        Output.time(release.getString("created_at")), state(release));
  }

  /** What is unusual about a release: not succeeded, or the one serving. */
  private static String state(JsonObject release) {
    List<String> words = new ArrayList<>();
    String status = release.getString("status", "");
    if (!status.equals("succeeded")) {
      words.add(status);
    }
    if (ReleaseList.isCurrent(release)) {
      words.add("(current)");
    }
    return String.join(" ", words);
  }
}
