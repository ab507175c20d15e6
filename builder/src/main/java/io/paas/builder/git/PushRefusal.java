package io.paas.builder.git;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.transport.PacketLineIn;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.SideBandOutputStream;

/**
 * A refusal in git's receive-pack result, for a push turned away before it was read in full: the reason on the
 * progress band (git prints it as {@code remote: ...}) and every ref marked {@code ng}. git drops the body of an HTTP
 * error, so this is the only way the pusher learns why; it needs the ref commands and a client that speaks side-band.
 */
final class PushRefusal {
  private static final String SIDE_BAND_64K = "side-band-64k";
  private static final String SIDE_BAND = "side-band";

  private PushRefusal() {
  }

  /**
   * The response body refusing the push whose body starts with {@code head}; empty when the commands cannot be read
   * there or the client takes no side-band, and a plain HTTP error is all that is left.
   */
  static Optional<Buffer> of(Buffer head, String message, String reason) {
    Commands commands;
    try {
      commands = Commands.read(head.getBytes());
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
    int packetSize;
    if (commands.capabilities().contains(SIDE_BAND_64K)) {
      packetSize = SideBandOutputStream.MAX_BUF;
    } else if (commands.capabilities().contains(SIDE_BAND)) {
      packetSize = SideBandOutputStream.SMALL_BUF;
    } else {
      return Optional.empty();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      OutputStream progress = band(SideBandOutputStream.CH_PROGRESS, packetSize, body);
      for (String line : message.split("\n")) {
        progress.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        progress.flush(); // one packet per line, as git prints them
      }
      if (commands.capabilities().contains("report-status") || commands.capabilities().contains("report-status-v2")) {
        OutputStream data = band(SideBandOutputStream.CH_DATA, packetSize, body);
        PacketLineOut report = new PacketLineOut(data);
        report.writeString("unpack " + reason + "\n");
        for (String ref : commands.refs()) {
          report.writeString("ng " + ref + " " + reason + "\n");
        }
        report.end();
        data.flush();
      }
      new PacketLineOut(body).end();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory", e);
    }
    return Optional.of(Buffer.buffer(body.toByteArray()));
  }

  private static OutputStream band(int channel, int packetSize, OutputStream out) {
    return new SideBandOutputStream(channel, packetSize, out);
  }

  /** The ref commands before the pack: {@code old new ref}, the first with the capabilities after a NUL. */
  private record Commands(List<String> refs, Set<String> capabilities) {
    static Commands read(byte[] head) throws IOException {
      PacketLineIn in = new PacketLineIn(new ByteArrayInputStream(head));
      List<String> refs = new ArrayList<>();
      Set<String> capabilities = Set.of();
      for (String line = in.readString(); !PacketLineIn.isEnd(line); line = in.readString()) {
        if (line.startsWith("shallow ")) {
          continue;
        }
        int nul = line.indexOf('\0');
        if (nul >= 0) {
          capabilities = Set.copyOf(List.of(line.substring(nul + 1).trim().split(" ")));
          line = line.substring(0, nul);
        }
        String[] command = line.trim().split(" ");
        if (command.length != 3) {
          throw new IOException("not a ref command: " + line);
        }
        refs.add(command[2]);
      }
      return new Commands(refs, capabilities);
    }
  }
}
