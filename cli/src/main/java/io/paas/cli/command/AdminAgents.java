package io.paas.cli.command;

import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "admin:agents", mixinStandardHelpOptions = true,
    description = "List the agents that run dynos, with their memory, CPUs and last heartbeat (admins only).")
public final class AdminAgents extends PaasCommand {
  @Option(names = {"-j", "--json"}, description = "Print the API's JSON.")
  private boolean json;

  @Override
  protected void run() {
    JsonArray agents = paas.api().getArray("/agents");
    Output out = out();
    if (json) {
      out.line(agents.encodePrettily());
    } else if (agents.isEmpty()) {
      out.line("No agents have joined the platform.");
    } else {
      Instant now = Instant.now();
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("Name", "State", "Memory", "CPUs", "Dynos", "Last heartbeat"));
      IntStream.range(0, agents.size()).mapToObj(agents::getJsonObject)
          .sorted(Comparator.comparing(agent -> agent.getString("name", "")))
          .forEach(agent -> rows.add(List.of(
              agent.getString("name", ""),
              agent.getString("state", ""),
              Output.bytes(agent.getLong("memory_used", 0L)) + " / " + Output.bytes(agent.getLong("memory", 0L)),
              String.valueOf(agent.getValue("cpus", "")),
              String.valueOf(agent.getInteger("dynos", 0)),
              Output.since(agent.getString("last_heartbeat"), now))));
      out.header("Agents");
      out.table(rows);
    }
  }
}
