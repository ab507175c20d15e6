package io.paas.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** The credentials file: {@code $PAAS_CONFIG_DIR/credentials.json}, else {@code ~/.config/paas/credentials.json}. */
public final class CredentialsStore {
  private final Path file;

  public CredentialsStore(Env env) {
    String configDir = env.var("PAAS_CONFIG_DIR");
    if (configDir == null) {
      String home = env.var("HOME") != null ? env.var("HOME") : System.getProperty("user.home");
      configDir = Path.of(home, ".config", "paas").toString();
    }
    this.file = Path.of(configDir, "credentials.json");
  }

  public Path file() {
    return file;
  }

  public Optional<Credentials> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Credentials.fromJson(new JsonObject(Files.readString(file))));
    } catch (IOException | DecodeException | ClassCastException e) {
      throw new CliException("Cannot read " + file + ": " + e.getMessage() + ". Run paas logout, then paas login.");
    }
  }

  /** Writes through a file created with mode 600 and renamed into place, so the token is never readable by others. */
  public void save(Credentials credentials) {
    try {
      Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path tmp = Files.createTempFile(file.getParent(), "credentials", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, credentials.toJson().encodePrettily() + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CliException("Cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Returns whether there was a file to delete. */
  public boolean delete() {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new CliException("Cannot delete " + file + ": " + e.getMessage());
    }
  }
}
