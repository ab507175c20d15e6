package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "admin:quotas", mixinStandardHelpOptions = true,
    description = "Show the default quotas and the users and teams with their own; with --user or --team, its quotas "
        + "and what it uses (admins only).")
public final class AdminQuotas extends PaasCommand {
  @ArgGroup(multiplicity = "0..1")
  private QuotaSubjectOption subject;

  @Option(names = {"-j", "--json"}, description = "Print the API's JSON.")
  private boolean json;

  @Override
  protected void run() {
    ApiClient api = paas.api();
    JsonObject answer = api.get("/admin/quotas" + (subject == null ? "" : subject.query()));
    Output out = out();
    if (json) {
      out.line(answer.encodePrettily());
    } else if (subject == null) {
      overview(out, answer);
    } else {
      print(out, answer);
    }
  }

  /** A subject's quotas as the API reports them: each one's use and limit, and whether that is the default. */
  static void print(Output out, JsonObject subject) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Quota", "Used", "Limit"));
    quotas(subject.getJsonArray("quotas")).forEach(quota -> rows.add(List.of(
        quota.getString("name"),
        amount(quota, quota.getLong("used")),
        amount(quota, quota.getLong("limit")) + (quota.getBoolean("default", false) ? " (default)" : ""))));
    out.header("Quotas of " + subject.getString("name"));
    out.table(rows);
  }

  private static void overview(Output out, JsonObject answer) {
    List<List<String>> rows = new ArrayList<>();
    quotas(answer.getJsonArray("defaults")).forEach(quota -> rows.add(List.of(quota.getString("name"),
        amount(quota, quota.getLong("limit")))));
    out.header("Default quotas");
    out.table(rows);
    JsonArray overrides = answer.getJsonArray("overrides");
    if (overrides.isEmpty()) {
      out.line("No user or team has quotas of their own.");
      return;
    }
    List<List<String>> own = new ArrayList<>();
    quotas(overrides).forEach(subject -> own.add(List.of(subject.getString("name"),
        quotas(subject.getJsonArray("quotas"))
            .map(quota -> quota.getString("name") + "=" + amount(quota, quota.getLong("limit")))
            .collect(Collectors.joining(" ")))));
    out.header("Users with their own quotas");
    out.table(own);
  }

  private static Stream<JsonObject> quotas(JsonArray array) {
    return IntStream.range(0, array.size()).mapToObj(array::getJsonObject);
  }

  private static String amount(JsonObject quota, long value) {
    return quota.getString("unit") == null ? String.valueOf(value) : value + " " + quota.getString("unit");
  }
}
