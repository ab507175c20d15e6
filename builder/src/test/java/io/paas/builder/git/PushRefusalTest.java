package io.paas.builder.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PushRefusalTest {
  private static final String OLD = "0".repeat(40);
  private static final String NEW = "a".repeat(40);

  @Test
  void marksEveryRefRejectedAndSaysWhyOnTheProgressBand() {
    Buffer head = commands(OLD + " " + NEW + " refs/heads/main\0report-status side-band-64k agent=git/2.39",
        OLD + " " + NEW + " refs/heads/dev");

    String answer = PushRefusal.of(head, "too big\nsecond line", "push too large").orElseThrow()
        .toString(StandardCharsets.ISO_8859_1);

    assertThat(answer).startsWith("000d\u0002too big\n0011\u0002second line\n")
        .contains("unpack push too large\n")
        .contains("ng refs/heads/main push too large\n")
        .contains("ng refs/heads/dev push too large\n")
        .endsWith("0000");
  }

  @Test
  void withoutSideBandOrReadableCommandsThereIsNothingGitWouldShow() {
    assertThat(PushRefusal.of(commands(OLD + " " + NEW + " refs/heads/main\0report-status"), "m", "r")).isEmpty();
    assertThat(PushRefusal.of(Buffer.buffer("00ffshort"), "m", "r")).isEmpty();
    assertThat(PushRefusal.of(Buffer.buffer("PACK...."), "m", "r")).isEmpty();
  }

  private static Buffer commands(String... lines) {
    StringBuilder body = new StringBuilder();
    for (String line : lines) {
      body.append(String.format("%04x", line.length() + 5)).append(line).append('\n');
    }
    return Buffer.buffer(body.append("0000PACK").toString(), "ISO-8859-1");
  }
}
