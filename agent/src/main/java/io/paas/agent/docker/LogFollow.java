package io.paas.agent.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One followed log stream: feeds its frames to {@link FrameLines} and reports its end exactly once, whether the
 * container stopped, the engine went away or the stream was closed. Written for docker-java's stream thread rather
 * than on its callback template, whose {@code onStart} reopens a callback closed before the engine answered.
 */
final class LogFollow implements ResultCallback<Frame> {
  private static final Logger log = LoggerFactory.getLogger(LogFollow.class);

  private final FrameLines lines;
  private final Runnable ended;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean closed;
  private volatile Closeable response;

  LogFollow(FrameLines lines, Runnable ended) {
    this.lines = lines;
    this.ended = ended;
  }

  @Override
  public void onStart(Closeable response) {
    this.response = response;
    if (closed) {
      closeQuietly(response);
    }
  }

  @Override
  public void onNext(Frame frame) {
    if (!closed) {
      lines.accept(frame);
    }
  }

  @Override
  public void onError(Throwable error) {
    if (!closed) {
      log.warn("A log stream broke: {}", error.toString());
    }
    finish();
  }

  @Override
  public void onComplete() {
    finish();
  }

  @Override
  public void close() {
    closed = true;
    Closeable open = response;
    if (open != null) {
      closeQuietly(open);
    }
    finish();
  }

  /** Whether the stream ended within the timeout. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void finish() {
    if (finished.compareAndSet(false, true)) {
      if (!closed) {
        lines.flush();
      }
      done.countDown();
      ended.run();
    }
  }

  private static void closeQuietly(Closeable response) {
    try {
      response.close();
    } catch (IOException e) {
      log.debug("Closing a log stream failed", e);
    }
  }
}
