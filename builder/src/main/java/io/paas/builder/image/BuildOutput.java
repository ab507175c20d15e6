package io.paas.builder.image;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows a Docker build's response: hands every output line to the log as it arrives, and remembers the error the
 * engine reported (the failing step's message) and the built image's id.
 */
final class BuildOutput extends ResultCallback.Adapter<BuildResponseItem> {
  private final Consumer<String> log;
  // The engine splits its output into chunks that need not end at a line break.
  private final StringBuilder partialLine = new StringBuilder();
  private volatile String error;
  private volatile String imageId;
  private final CountDownLatch ended = new CountDownLatch(1);

  BuildOutput(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public void onNext(BuildResponseItem item) {
    if (item.getStream() != null) {
      append(item.getStream());
    }
    if (item.isErrorIndicated()) {
      error = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
    }
    if (item.getImageId() != null) {
      imageId = item.getImageId();
    }
  }

  @Override
  public void onComplete() {
    if (!partialLine.isEmpty()) {
      log.accept(partialLine.toString());
      partialLine.setLength(0);
    }
    super.onComplete();
  }

  @Override
  public void close() throws IOException {
    super.close();
    ended.countDown();
  }

  /**
   * Waits up to the time given for the response to end and leaves it open otherwise: docker-java's own
   * {@code awaitCompletion} with a timeout closes it, which cancels the build.
   */
  boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
    return ended.await(timeout, unit);
  }

  String error() {
    return error;
  }

  String imageId() {
    return imageId;
  }

  private void append(String chunk) {
    partialLine.append(chunk);
    int end;
    while ((end = partialLine.indexOf("\n")) >= 0) {
      log.accept(stripCarriageReturn(partialLine.substring(0, end)));
      partialLine.delete(0, end + 1);
    }
  }

  private static String stripCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
