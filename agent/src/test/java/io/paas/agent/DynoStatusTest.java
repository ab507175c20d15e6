package io.paas.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DynoStatusTest {
  private static DynoStatus up(String app, String name) {
    return new DynoStatus(app, name, 1, DynoStatus.UP, 0, Instant.EPOCH, "c", "127.0.0.1", 40000, null);
  }

  @Test
  void ordersByAppThenTypeThenNumber() {
    List<DynoStatus> sorted = Stream.of(up("b", "web.1"), up("a", "worker.1"), up("a", "web.10"), up("a", "web.2"),
        up("a", "web"), up("a", "web.1")).sorted(DynoStatus.ORDER).toList();

    assertThat(sorted).extracting(s -> s.app() + " " + s.name())
        .containsExactly("a web.1", "a web.2", "a web.10", "a web", "a worker.1", "b web.1");
  }
}
