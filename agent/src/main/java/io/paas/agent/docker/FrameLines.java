package io.paas.agent.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.paas.agent.LogLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the frames of one container's log stream, requested with timestamps, into lines. docker-java cuts frames at
 * 1 KiB rather than at line ends, so bytes are gathered per stream until a newline; each line then starts with its
 * RFC 3339 timestamp and a space. Text past {@link #MAX_TEXT_BYTES} is dropped, which also drops the timestamp the
 * engine writes into a line over 16 KiB where it split it. Not thread-safe: one stream feeds it.
 */
final class FrameLines {
  static final int MAX_TEXT_BYTES = 10 * 1024;
  /** Room for the timestamp in front of the text ("2024-01-01T00:00:00.123456789Z "). */
  private static final int MAX_LINE_BYTES = MAX_TEXT_BYTES + 64;

  private final String app;
  private final String dyno;
  private final Consumer<LogLine> out;
  private final Map<StreamType, ByteArrayOutputStream> pending = new EnumMap<>(StreamType.class);

  FrameLines(String app, String dyno, Consumer<LogLine> out) {
    this.app = app;
    this.dyno = dyno;
    this.out = out;
  }

  void accept(Frame frame) {
    StreamType type = frame.getStreamType();
    ByteArrayOutputStream line = pending.computeIfAbsent(type, t -> new ByteArrayOutputStream());
    byte[] bytes = frame.getPayload();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        append(line, bytes, start, i);
        emit(type, line);
        start = i + 1;
      }
    }
    append(line, bytes, start, bytes.length);
  }

  /** Passes on the unterminated last line of each stream, once the stream has ended. */
  void flush() {
    pending.forEach((type, line) -> {
      if (line.size() > 0) {
        emit(type, line);
      }
    });
  }

  private static void append(ByteArrayOutputStream line, byte[] bytes, int from, int to) {
    line.write(bytes, from, Math.min(to - from, MAX_LINE_BYTES - line.size()));
  }

  private void emit(StreamType type, ByteArrayOutputStream buffer) {
    byte[] line = buffer.toByteArray();
    buffer.reset();
    int space = indexOf(line, (byte) ' ');
    Instant stamped = space < 0 ? null : timestamp(new String(line, 0, space, StandardCharsets.US_ASCII));
    int from = stamped == null ? 0 : space + 1;
    int end = Math.min(line.length, from + MAX_TEXT_BYTES);
    while (end < line.length && end > from && (line[end] & 0xC0) == 0x80) {
      end--; // do not cut a UTF-8 character in two
    }
    if (end > from && line[end - 1] == '\r') {
      end--;
    }
    String stream = type == StreamType.STDERR ? LogLine.STDERR : LogLine.STDOUT;
    Instant time = stamped == null ? Instant.now() : stamped;
    out.accept(new LogLine(app, dyno, time, stream, new String(line, from, end - from, StandardCharsets.UTF_8)));
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** Null when the line does not start with a timestamp, which the engine always writes; then now will do. */
  private static Instant timestamp(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
