package io.paas.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.paas.agent.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameLinesTest {
  private static final String T1 = "2026-01-02T03:04:05.123456789Z";
  private static final String T2 = "2026-01-02T03:04:06.5Z";

  private final List<LogLine> lines = new ArrayList<>();
  private final FrameLines frames = new FrameLines("demo", "web.1", lines::add);

  private void feed(StreamType type, String text) {
    frames.accept(new Frame(type, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void reassemblesLinesSplitAcrossFramesPerStream() {
    feed(StreamType.STDOUT, T1 + " hel");
    feed(StreamType.STDERR, T2 + " oops\n" + T2 + " again\r\n");
    feed(StreamType.STDOUT, "lo\n" + T2 + " world\n");

    assertThat(lines).containsExactly(
        new LogLine("demo", "web.1", Instant.parse(T2), LogLine.STDERR, "oops"),
        new LogLine("demo", "web.1", Instant.parse(T2), LogLine.STDERR, "again"),
        new LogLine("demo", "web.1", Instant.parse(T1), LogLine.STDOUT, "hello"),
        new LogLine("demo", "web.1", Instant.parse(T2), LogLine.STDOUT, "world"));
  }

  @Test
  void cutsLongLinesWithoutSplittingACharacterAndKeepsTheNextLine() {
    String longText = "é".repeat(FrameLines.MAX_TEXT_BYTES);
    feed(StreamType.STDOUT, T1 + " " + longText + "\n" + T2 + " next\n");

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).text()).isEqualTo("é".repeat(FrameLines.MAX_TEXT_BYTES / 2));
    assertThat(lines.get(1).text()).isEqualTo("next");
  }

  @Test
  void flushPassesOnAnUnterminatedLastLine() {
    feed(StreamType.STDOUT, T1 + " no newline");
    assertThat(lines).isEmpty();

    frames.flush();

    assertThat(lines).extracting(LogLine::text).containsExactly("no newline");
  }
}
