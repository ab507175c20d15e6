package io.paas.controller.logs.drains;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

final class Eventually {
  private Eventually() {
  }

  static void eventually(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition met within 20 s").isBefore(deadline);
      Thread.sleep(20);
    }
  }
}
