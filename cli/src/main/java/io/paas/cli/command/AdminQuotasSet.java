package io.paas.cli.command;

import io.paas.cli.CliException;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Parameters;

@Command(name = "admin:quotas:set", mixinStandardHelpOptions = true,
    description = "Set a user's or a team's quotas: apps, dynos, memory (MB), addons, builds (at once); "
        + "'default' gives one back the platform's default (admins only).")
public final class AdminQuotasSet extends PaasCommand {
  private static final Pattern LIMIT = Pattern.compile("([a-z]+)=(\\d{1,12}|default)");

  @ArgGroup(multiplicity = "1")
  private QuotaSubjectOption subject;

  @Parameters(paramLabel = "QUOTA=LIMIT", arity = "1..*", description = "Like apps=10, memory=4096 or builds=default.")
  private List<String> limits;

  @Override
  protected void run() {
    JsonObject body = subject.into(new JsonObject());
    for (String limit : limits) {
      Matcher matcher = LIMIT.matcher(limit);
      if (!matcher.matches()) {
        throw new CliException(limit + " is invalid: use QUOTA=LIMIT, with a whole number or default.");
      }
      body.put(matcher.group(1), matcher.group(2).equals("default") ? null : Long.valueOf(matcher.group(2)));
    }
    JsonObject quotas = out().action("Setting quotas of " + subject.name(),
        () -> paas.api().patch("/admin/quotas", body));
    AdminQuotas.print(out(), quotas);
  }
}
