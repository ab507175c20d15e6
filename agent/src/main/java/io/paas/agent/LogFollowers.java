package io.paas.agent;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps exactly one log follower on each dyno container the agent runs. What it remembers of a container outlives its
 * follower: when a stream breaks while the container runs on (the engine restarted), the next {@link #follow} picks
 * up after the last line shipped, so nothing is shipped twice. A stream ends when its container stops, so the end of
 * a followed container's stream is reported: it is the first sign of a crash.
 */
final class LogFollowers {
  private static final Logger log = LoggerFactory.getLogger(LogFollowers.class);
  /** Marks a stream being opened, so a concurrent {@link #follow} does not open a second one. */
  private static final Closeable ATTACHING = () -> { };

  private final DynoRuntime runtime;
  private final LogSink sink;
  private final Consumer<Dyno> streamEnded;
  private final Map<String, Follower> byContainer = new HashMap<>();

  /**
   * {@code streamEnded} hears of each stream that ends while its container is still remembered (not after
   * {@link #forget} or {@link #closeAll}), from the stream's thread.
   */
  LogFollowers(DynoRuntime runtime, LogSink sink, Consumer<Dyno> streamEnded) {
    this.runtime = runtime;
    this.sink = sink;
    this.streamEnded = streamEnded;
  }

  /**
   * Blocking. Follows the dyno unless it is followed already; a container seen for the first time is followed from
   * {@code from} ({@link Instant#EPOCH} for one just started, now for one adopted after a restart).
   */
  void follow(Dyno dyno, Instant from) {
    Follower follower;
    synchronized (this) {
      follower = byContainer.computeIfAbsent(dyno.containerId(), id -> new Follower(dyno, from));
      if (follower.stream != null) {
        return;
      }
      follower.stream = ATTACHING;
    }
    try {
      Closeable stream = runtime.followLogs(dyno, follower.shipped, follower, () -> ended(follower));
      boolean kept;
      synchronized (this) {
        kept = byContainer.get(dyno.containerId()) == follower;
        if (kept && follower.stream == ATTACHING) {
          follower.stream = stream;
        }
      }
      if (!kept) {
        close(stream);
      }
    } catch (RuntimeException e) {
      log.warn("Following the output of {} {} failed: {}", dyno.app(), dyno.name(), e.getMessage());
      detached(follower);
    }
  }

  /** Forgets a container that was removed; its stream ends by itself, after its last lines. */
  synchronized void forget(String containerId) {
    byContainer.remove(containerId);
  }

  /** Forgets unfollowed containers that are gone, e.g. removed behind the agent's back. */
  synchronized void retainOnly(Set<String> containerIds) {
    byContainer.entrySet().removeIf(e -> e.getValue().stream == null && !containerIds.contains(e.getKey()));
  }

  /** Stops following everything, as at shutdown; the containers keep running. */
  void closeAll() {
    List<Closeable> streams;
    synchronized (this) {
      streams = byContainer.values().stream().map(f -> f.stream).filter(Objects::nonNull).toList();
      byContainer.clear();
    }
    streams.forEach(LogFollowers::close);
  }

  private synchronized void detached(Follower follower) {
    follower.stream = null;
  }

  private void ended(Follower follower) {
    boolean remembered;
    synchronized (this) {
      follower.stream = null;
      remembered = byContainer.get(follower.dyno.containerId()) == follower;
    }
    if (remembered) {
      streamEnded.accept(follower.dyno);
    }
  }

  private static void close(Closeable stream) {
    try {
      stream.close();
    } catch (IOException e) {
      log.debug("Closing a log stream failed", e);
    }
  }

  /** One container's follower: its open stream (null when none) and the time of the last line it shipped. */
  private final class Follower implements LogSink {
    final Dyno dyno;
    Closeable stream;
    volatile Instant shipped;

    Follower(Dyno dyno, Instant from) {
      this.dyno = dyno;
      this.shipped = from;
    }

    @Override
    public void line(LogLine line) {
      shipped = line.time();
      sink.line(line);
    }
  }
}
