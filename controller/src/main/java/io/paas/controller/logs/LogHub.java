package io.paas.controller.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The recent lines of every app, in memory and bounded, and the readers following them. Lines come from any
 * thread (agents' log followers, API handlers, builds); readers and taps are called on the appending thread, under
 * the app's lock, and must only hand the line over to their own context.
 */
public final class LogHub {
  private final int keep;
  private final Map<String, AppLog> logs = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, LogEntry>> taps = new CopyOnWriteArrayList<>();

  public LogHub(int keep) {
    this.keep = keep;
  }

  public void append(String app, LogEntry line) {
    AppLog log = logs.computeIfAbsent(app, a -> new AppLog());
    synchronized (log) {
      if (log.lines.size() == keep) {
        log.lines.removeFirst();
      }
      log.lines.addLast(line);
      log.readers.forEach(reader -> reader.accept(line));
      taps.forEach(tap -> tap.accept(app, line));
    }
  }

  /**
   * Hands {@code tap} every line appended from now on, of every app and source, with the app's name. Under the
   * app's lock, so a tap sees each app's lines in order; it must only enqueue, as every append waits for it.
   */
  public void tap(BiConsumer<String, LogEntry> tap) {
    taps.add(tap);
  }

  /** The newest {@code count} lines that pass the filter, oldest first. */
  public List<LogEntry> recent(String app, int count, LogFilter filter) {
    AppLog log = logs.get(app);
    if (log == null) {
      return List.of();
    }
    List<LogEntry> matching = new ArrayList<>();
    synchronized (log) {
      for (var it = log.lines.descendingIterator(); it.hasNext() && matching.size() < count; ) {
        LogEntry line = it.next();
        if (filter.matches(line)) {
          matching.add(line);
        }
      }
    }
    Collections.reverse(matching);
    return matching;
  }

  /**
   * Hands the reader the newest {@code count} lines that pass the filter, then every new one, until the returned
   * handle is run. Both happen under the app's lock, so no line is missed or seen twice in between.
   */
  public Runnable follow(String app, int count, LogFilter filter, Consumer<LogEntry> reader) {
    AppLog log = logs.computeIfAbsent(app, a -> new AppLog());
    Consumer<LogEntry> filtered = line -> {
      if (filter.matches(line)) {
        reader.accept(line);
      }
    };
    synchronized (log) {
      recent(app, count, filter).forEach(reader);
      log.readers.add(filtered);
    }
    return () -> log.readers.remove(filtered);
  }

  public void forget(String app) {
    logs.remove(app);
  }

  private static final class AppLog {
    final ArrayDeque<LogEntry> lines = new ArrayDeque<>();
    final List<Consumer<LogEntry>> readers = new CopyOnWriteArrayList<>();
  }
}
