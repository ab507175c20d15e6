package io.paas.controller.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
  @TempDir
  Path dir;

  @Test
  void sealedValuesOpenAgainAndHideThePlainText() throws Exception {
    SecretBox box = SecretBox.fromKeyFile(dir.resolve("secret.key"));
    byte[] sealed = box.seal("{\"password\":\"hunter2-hunter2\"}");

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
    assertThat(box.open(sealed)).isEqualTo("{\"password\":\"hunter2-hunter2\"}");
    assertThat(box.seal("same")).isNotEqualTo(box.seal("same"));
  }

  @Test
  void theKeyFileIsPrivateAndKeptAcrossStarts() throws Exception {
    Path file = dir.resolve("keys/secret.key");
    byte[] sealed = SecretBox.fromKeyFile(file).seal("kept");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(SecretBox.fromKeyFile(file).open(sealed)).isEqualTo("kept");
  }

  @Test
  void anotherKeyOrAnAlteredValueFailsToOpen() throws Exception {
    byte[] sealed = SecretBox.fromKeyFile(dir.resolve("a.key")).seal("secret");
    SecretBox other = SecretBox.fromKeyFile(dir.resolve("b.key"));

    assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("does not open");
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> SecretBox.fromKeyFile(dir.resolve("a.key")).open(altered))
        .hasMessageContaining("does not open");
  }
}
