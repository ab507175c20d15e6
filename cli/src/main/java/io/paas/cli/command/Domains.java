package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "domains", aliases = "domains:list", mixinStandardHelpOptions = true,
    description = "List the app's default domain and its custom domains with their DNS targets.")
public final class Domains extends PaasCommand {
  @Mixin
  private AppOption appOption;

  static String path(String app) {
    return "/apps/" + ApiClient.segment(app) + "/domains";
  }

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    List<List<String>> custom = new ArrayList<>();
    custom.add(List.of("Domain Name", "DNS Target"));
    Output out = out();
    out.header(app + " Default Domain");
    paas.api().getArray(path(app)).stream().map(JsonObject.class::cast).forEach(domain -> {
      if ("default".equals(domain.getString("kind"))) {
        out.line(domain.getString("hostname"));
      } else {
        custom.add(List.of(domain.getString("hostname"), domain.getString("cname", "")));
      }
    });
    if (custom.size() > 1) {
      out.line("");
      out.header(app + " Custom Domains");
      out.table(custom);
    }
  }
}
