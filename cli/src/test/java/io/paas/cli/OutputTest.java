package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutputTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Test
  void sinceSaysHowLongAgoInTheLargestWholeUnitUpToADay() {
    assertThat(Output.since("2026-11-27T11:59:15Z", NOW)).isEqualTo("2026-11-27 11:59 UTC (~ 45s ago)");
    assertThat(Output.since("2026-11-27T11:55:00Z", NOW)).isEqualTo("2026-11-27 11:55 UTC (~ 5m ago)");
    assertThat(Output.since("2026-11-27T09:00:00+01:00", NOW)).isEqualTo("2026-11-27 08:00 UTC (~ 4h ago)");
    assertThat(Output.since("2026-11-20T12:00:00Z", NOW)).isEqualTo("2026-11-20 12:00 UTC");
    assertThat(Output.since("2026-11-27T12:00:05Z", NOW)).isEqualTo("2026-11-27 12:00 UTC (~ 0s ago)");
    assertThat(Output.since("yesterday", NOW)).isEqualTo("yesterday");
    assertThat(Output.since(null, NOW)).isEmpty();
  }

  @Test
  void bytesInBinaryUnits() {
    assertThat(Output.bytes(0)).isEqualTo("0 B");
    assertThat(Output.bytes(512L * 1024 * 1024)).isEqualTo("512 MB");
    assertThat(Output.bytes(1610612736L)).isEqualTo("1.5 GB");
    assertThat(Output.bytes(8589934592L)).isEqualTo("8 GB");
  }
}
