package io.paas.controller.logs.drains;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.logs.LogEntry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A drain's bounded buffer: the oldest lines go first, and every line that goes is counted. */
class DrainBufferTest {
  @Test
  void whenFullTheOldestLineIsDroppedAndCounted() {
    DrainBuffer buffer = filled(3, 5);

    assertThat(texts(buffer.take(10))).containsExactly("3", "4", "5");
    assertThat(buffer.dropped()).isEqualTo(2);
    assertThat(buffer.size()).isZero();
  }

  @Test
  void takeRemovesTheOldestUpToTheMax() {
    DrainBuffer buffer = filled(5, 4);

    assertThat(texts(buffer.take(3))).containsExactly("1", "2", "3");
    assertThat(buffer.size()).isEqualTo(1);
  }

  @Test
  void linesPutBackGoInFrontAndThoseThatNoLongerFitAreTheOnesDropped() {
    DrainBuffer buffer = filled(4, 3);
    List<LogEntry> unsent = buffer.take(3);
    buffer.offer(line(4));
    buffer.offer(line(5));

    buffer.putBack(unsent);

    assertThat(texts(buffer.take(10))).containsExactly("2", "3", "4", "5");
    assertThat(buffer.dropped()).isEqualTo(1);
  }

  @Test
  void linesLostInFlightAreCounted() {
    DrainBuffer buffer = new DrainBuffer(3);
    buffer.lost(2);
    assertThat(buffer.dropped()).isEqualTo(2);
  }

  private static DrainBuffer filled(int capacity, int lines) {
    DrainBuffer buffer = new DrainBuffer(capacity);
    IntStream.rangeClosed(1, lines).forEach(n -> buffer.offer(line(n)));
    return buffer;
  }

  private static LogEntry line(int n) {
    return LogEntry.now(LogEntry.APP, "web.1", Integer.toString(n));
  }

  private static List<String> texts(List<LogEntry> lines) {
    return lines.stream().map(LogEntry::text).toList();
  }
}
