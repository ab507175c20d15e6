package io.paas.controller.auth;

import io.paas.common.ApiException;
import io.paas.controller.store.UserStore;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Creates the first admin on an empty store: from PAAS_ADMIN_EMAIL/PAAS_ADMIN_PASSWORD, else with a generated
 * password that is printed once and kept in a file only root (or the server's user) can read.
 */
public final class AdminSeeder {
  public static final String CREDENTIALS_FILE = "admin-credentials";
  private static final String DEFAULT_EMAIL = "admin@localhost";

  private final Accounts accounts;
  private final UserStore users;
  private final Path dataDir;

  public AdminSeeder(Accounts accounts, UserStore users, Path dataDir) {
    this.accounts = accounts;
    this.users = users;
    this.dataDir = dataDir;
  }

  /** Completes with a line to print, or null when the store already has users. */
  public Future<String> seed(Map<String, String> env) {
    return users.count().compose(count -> {
      if (count > 0) {
        return Future.succeededFuture(null);
      }
      String email = env.getOrDefault("PAAS_ADMIN_EMAIL", DEFAULT_EMAIL);
      String given = env.get("PAAS_ADMIN_PASSWORD");
      String password = given != null ? given : Tokens.randomString(18);
      return accounts.createUser(email, password, true)
          .recover(e -> Future.failedFuture(refusedSetting(e)))
          .map(user -> {
            if (given != null) {
              return "Admin " + user.email() + " created with the password from PAAS_ADMIN_PASSWORD.";
            }
            Path file = save(user.email(), password);
            return "Admin " + user.email() + " created with password " + password + " (saved in " + file + ")";
          });
    });
  }

  /** The server prints only the innermost message of a failed start: a refused email or password names its setting. */
  private static Throwable refusedSetting(Throwable failure) {
    if (failure instanceof ApiException refused && refused.status() == 422) {
      return new IllegalStateException("Cannot create the first admin from PAAS_ADMIN_EMAIL and PAAS_ADMIN_PASSWORD: "
          + refused.getMessage());
    }
    return failure;
  }

  private Path save(String email, String password) {
    Path file = dataDir.resolve(CREDENTIALS_FILE);
    try {
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, "email=" + email + "\npassword=" + password + "\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
