package io.paas.cli.command;

import io.paas.cli.CliException;
import io.paas.cli.Config;
import io.paas.cli.PaasCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A git credential helper, so {@code git push paas main} authenticates with the saved token:
 * {@code git config --global credential.http://127.0.0.1:5000.helper '!paas git:credentials'}.
 * Answers only for the configured platform, so the token is never handed to another host.
 */
@Command(name = "git:credentials", mixinStandardHelpOptions = true,
    description = "Git credential helper that answers with the saved token for the platform's git URLs.")
public final class GitCredentials extends PaasCommand {
  @Parameters(paramLabel = "OPERATION", description = "get, store or erase (git passes it).")
  private String operation;

  @Override
  protected void run() {
    if (!operation.equals("get")) {
      return;
    }
    Map<String, String> request = readRequest();
    Config config = paas.config();
    URI api = URI.create(config.apiUrl());
    String apiHost = api.getPort() == -1 ? api.getHost() : api.getHost() + ":" + api.getPort();
    if (config.token() != null && api.getScheme().equals(request.get("protocol")) && apiHost.equals(request.get("host"))) {
      out().line("username=paas");
      out().line("password=" + config.token());
    }
  }

  /** Git writes {@code key=value} lines ending with a blank line. */
  private Map<String, String> readRequest() {
    Map<String, String> request = new HashMap<>();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(paas.env().stdin(), StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          request.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    } catch (IOException e) {
      throw new CliException("Cannot read the credential request: " + e.getMessage());
    }
    return request;
  }
}
