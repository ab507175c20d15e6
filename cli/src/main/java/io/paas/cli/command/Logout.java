package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.ApiError;
import io.paas.cli.CliException;
import io.paas.cli.Credentials;
import io.paas.cli.PaasCommand;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "logout", aliases = "auth:logout", mixinStandardHelpOptions = true,
    description = "Revoke the saved token on the platform and forget the saved credentials.")
public final class Logout extends PaasCommand {
  @Override
  protected void run() {
    saved().ifPresent(this::revoke);
    out().line(paas.credentials().delete() ? "Logged out" : "Not logged in");
  }

  /** Nothing to revoke in a file that cannot be read, which logging out must still remove. */
  private Optional<Credentials> saved() {
    try {
      return paas.credentials().load();
    } catch (CliException e) {
      return Optional.empty();
    }
  }

  /** A token the platform refuses (401) is already dead; an unreachable platform still lets the user log out here. */
  private void revoke(Credentials credentials) {
    try {
      new ApiClient(credentials.apiUrl(), credentials.token()).delete(Authorizations.PATH + "/current");
    } catch (CliException e) {
      if (!(e instanceof ApiError refused && refused.status() == 401)) {
        err().line("Warning: the token could not be revoked on the platform (" + e.getMessage() + ")");
      }
    }
  }
}
