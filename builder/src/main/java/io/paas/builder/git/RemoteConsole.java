package io.paas.builder.git;

import java.io.IOException;
import org.eclipse.jgit.transport.ReceivePack;

/** The pusher's terminal: each line is sent at once as a git {@code remote:} line and kept in a transcript. */
final class RemoteConsole {
  private final ReceivePack receivePack;
  private final StringBuilder transcript = new StringBuilder();

  RemoteConsole(ReceivePack receivePack) {
    this.receivePack = receivePack;
  }

  synchronized void say(String line) {
    transcript.append(line).append('\n');
    receivePack.sendMessage(line);
    try {
      receivePack.getMessageOutputStream().flush(); // without it the line waits for the side-band buffer to fill
    } catch (IOException e) {
      // The pusher has gone; the deploy carries on and its outcome is still recorded.
    }
  }

  synchronized String transcript() {
    return transcript.toString();
  }
}
