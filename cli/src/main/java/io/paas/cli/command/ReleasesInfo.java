package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "releases:info", mixinStandardHelpOptions = true,
    description = "Show a release's details; config vars by name only.")
public final class ReleasesInfo extends PaasCommand {
  @Parameters(paramLabel = "RELEASE", arity = "0..1", description = "Version like v3 (default: the current release).")
  private String release;

  @Mixin
  private AppOption appOption;

  @Option(names = {"-j", "--json"}, description = "Print the API's JSON.")
  private boolean json;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    ApiClient api = paas.api();
    int version = release != null
        ? ReleaseList.version(release)
        : ReleaseList.of(api, app).current().getInteger("version");
    JsonObject info = api.get(ReleaseList.path(app) + "/" + version);
    if (json) {
      out().line(info.encodePrettily());
      return;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("By", info.getString("user", ""));
    fields.put("Change", info.getString("description", ""));
    fields.put("When", Output.time(info.getString("created_at")));
    fields.put("Status", info.getString("status", "") + (ReleaseList.isCurrent(info) ? " (current)" : ""));
    fields.put("Image", info.getString("image", ""));
    fields.put("Process types", names(info.getJsonObject("process_types", new JsonObject()).fieldNames()));
    fields.put("Config vars", names(info.getJsonArray("config_keys", new JsonArray()).getList()));
    out().header("Release " + ReleaseList.name(info));
    out().fields(fields);
  }

  private static String names(Collection<?> names) {
    return names.isEmpty() ? "none" : names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }
}
