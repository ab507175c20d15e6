package io.paas.controller.logs.drains;

import io.paas.controller.logs.LogEntry;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The lines waiting for one drain, bounded. When it is full the oldest line goes: after an outage the receiver gets
 * the most recent lines, which say what the app is doing now, and every line lost is counted in {@link #dropped}.
 * Appending threads offer, the drain's sender takes; each call holds the lock for a few pointer moves only.
 */
final class DrainBuffer {
  private final int capacity;
  private final ArrayDeque<LogEntry> lines;
  private long dropped;

  DrainBuffer(int capacity) {
    this.capacity = capacity;
    this.lines = new ArrayDeque<>(capacity);
  }

  synchronized void offer(LogEntry line) {
    if (lines.size() == capacity) {
      lines.removeFirst();
      dropped++;
    }
    lines.addLast(line);
  }

  /** Up to {@code max} of the oldest lines, removed from the buffer. */
  synchronized List<LogEntry> take(int max) {
    int count = Math.min(max, lines.size());
    LogEntry[] taken = new LogEntry[count];
    for (int i = 0; i < count; i++) {
      taken[i] = lines.removeFirst();
    }
    return List.of(taken);
  }

  /**
   * Lines taken but not delivered go back in front, as they are older than any still here; those that no longer fit
   * are the oldest, so they are the ones dropped.
   */
  synchronized void putBack(List<LogEntry> unsent) {
    for (int i = unsent.size() - 1; i >= 0; i--) {
      if (lines.size() < capacity) {
        lines.addFirst(unsent.get(i));
      } else {
        dropped++;
      }
    }
  }

  /** Counts lines taken that will never be delivered. */
  synchronized void lost(int count) {
    dropped += count;
  }

  synchronized int size() {
    return lines.size();
  }

  synchronized long dropped() {
    return dropped;
  }
}
