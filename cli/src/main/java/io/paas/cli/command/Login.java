package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.CliException;
import io.paas.cli.Config;
import io.paas.cli.Credentials;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", aliases = "auth:login", mixinStandardHelpOptions = true,
    description = "Log in with your email and password and save the token for later commands.")
public final class Login extends PaasCommand {
  @Option(names = "--api-url", paramLabel = "URL",
      description = "Platform API to log in to (default: PAAS_API_URL, the saved one, else " + Config.DEFAULT_API_URL + ").")
  private String apiUrl;

  @Option(names = "--email", paramLabel = "EMAIL", description = "Email to log in as (prompted for when omitted).")
  private String email;

  @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
  private boolean passwordStdin;

  @Override
  protected void run() {
    Config target = apiUrl != null ? new Config(apiUrl, null) : paas.config();
    Console console = paas.env().console();
    String login = email != null ? email : promptEmail(console);
    String password = passwordStdin || console == null ? passwordFromStdin() : promptPassword(console);

    JsonObject answer = new ApiClient(target.apiUrl(), null)
        .post("/auth/login", new JsonObject().put("email", login).put("password", password));
    String account = answer.getString("email", login);
    paas.credentials().save(new Credentials(target.apiUrl(), account, answer.getString("token")));
    out().line("Logged in as " + account);
    configureGit(target.apiUrl());
  }

  /**
   * Makes git ask this CLI for the token when it pushes to the platform, the way Heroku's CLI sets up git:
   * scoped to the platform's URL, so no other host ever gets it. bin/paas says where it lives in PAAS_BIN.
   */
  private void configureGit(String apiUrl) {
    String bin = paas.env().var("PAAS_BIN");
    if (bin == null) {
      return;
    }
    String helper = "!\"" + bin + "\" git:credentials";
    if (paas.git().setGlobal("credential." + apiUrl + ".helper", helper)) {
      out().line("Git pushes to " + apiUrl + " will use this login");
    }
  }

  private static String promptEmail(Console console) {
    if (console == null) {
      throw new CliException("No terminal to ask for the email. Use --email EMAIL.");
    }
    return required(console.readLine("Email: "), "email").strip();
  }

  private static String promptPassword(Console console) {
    char[] password = console.readPassword("Password: ");
    return required(password == null ? null : new String(password), "password");
  }

  private String passwordFromStdin() {
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(paas.env().stdin(), StandardCharsets.UTF_8));
      return required(reader.readLine(), "password");
    } catch (IOException e) {
      throw new CliException("Cannot read the password from stdin: " + e.getMessage());
    }
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new CliException("No " + what + " given.");
    }
    return value;
  }
}
