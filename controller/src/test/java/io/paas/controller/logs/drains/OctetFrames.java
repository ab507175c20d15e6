package io.paas.controller.logs.drains;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A receiver's side of octet counting: bytes in, whole {@code LEN SP MESSAGE} frames' messages out, as they complete. */
public final class OctetFrames {
  private Buffer pending = Buffer.buffer();

  public static List<String> split(Buffer body) {
    OctetFrames frames = new OctetFrames();
    List<String> messages = frames.feed(body);
    if (frames.pending.length() > 0) {
      throw new IllegalStateException("Trailing bytes after the last frame: " + frames.pending);
    }
    return messages;
  }

  public List<String> feed(Buffer bytes) {
    pending.appendBuffer(bytes);
    List<String> messages = new ArrayList<>();
    while (true) {
      String text = pending.toString(StandardCharsets.ISO_8859_1);
      int space = text.indexOf(' ');
      if (space < 0) {
        return messages;
      }
      int length = Integer.parseInt(text.substring(0, space));
      if (pending.length() < space + 1 + length) {
        return messages;
      }
      messages.add(pending.getString(space + 1, space + 1 + length, "UTF-8"));
      pending = pending.getBuffer(space + 1 + length, pending.length());
    }
  }
}
