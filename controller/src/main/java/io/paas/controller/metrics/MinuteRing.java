package io.paas.controller.metrics;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The last {@value #MINUTES} UTC minutes, one slot each, in a ring: a slot still holding a minute an hour old reads as
 * empty and is reset for reuse when its new minute is written, so the window's memory stays the same however long it
 * lives. Minutes are counted from the epoch ({@link #of}). Not thread-safe: its owner locks.
 */
final class MinuteRing<S> {
  static final int MINUTES = 60;

  private final long[] minutes = new long[MINUTES];
  private final Object[] slots = new Object[MINUTES];
  private final Supplier<S> create;
  private final Consumer<S> reset;
  /** The newest minute written; none yet is as good as a minute long past. */
  private long newest = Long.MIN_VALUE / 2;

  MinuteRing(Supplier<S> create, Consumer<S> reset) {
    this.create = create;
    this.reset = reset;
  }

  static long of(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), 60);
  }

  static Instant start(long minute) {
    return Instant.ofEpochSecond(minute * 60);
  }

  /**
   * The minute's slot to write to: the one it had, else a reset one; null for a minute that is out of the window
   * ending with the newest one written, whose slot a later minute may hold.
   */
  S write(long minute) {
    if (minute <= newest - MINUTES) {
      return null;
    }
    int i = (int) Math.floorMod(minute, (long) MINUTES);
    if (slots[i] == null) {
      slots[i] = create.get();
    } else if (minutes[i] != minute) {
      reset.accept(slot(i));
    }
    minutes[i] = minute;
    newest = Math.max(newest, minute);
    return slot(i);
  }

  /** The minute's slot, null if nothing was written in that minute. */
  S read(long minute) {
    int i = (int) Math.floorMod(minute, (long) MINUTES);
    return slots[i] != null && minutes[i] == minute ? slot(i) : null;
  }

  /** Whether nothing was written in the window that ends with {@code minute}. */
  boolean idle(long minute) {
    return newest <= minute - MINUTES;
  }

  @SuppressWarnings("unchecked")
  private S slot(int i) {
    return (S) slots[i];
  }
}
