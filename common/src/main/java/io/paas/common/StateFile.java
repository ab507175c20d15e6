package io.paas.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/** A value made at the first start and read again at every later one, in a file only the server's user can read. */
public final class StateFile {
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private StateFile() {
  }

  public static String readOrCreate(Path file, Supplier<String> first) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    String value = first.get();
    // Written aside and moved in, so a crash never leaves an empty file to be read as the value.
    Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial", OWNER_ONLY);
    Files.writeString(partial, value);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    return value;
  }
}
