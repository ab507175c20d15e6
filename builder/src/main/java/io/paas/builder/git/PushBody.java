package io.paas.builder.git;

import io.paas.common.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;

/**
 * Stores a push's request body in a temp file as it streams in, never more than the limit: past it, reading stops
 * and the future fails with a 413. JGit then reads the file at disk speed on a worker thread.
 */
final class PushBody {
  private PushBody() {
  }

  /** Call with the request paused; the caller deletes the file. */
  static Future<Path> store(Vertx vertx, HttpServerRequest request, long maxBytes) {
    FileSystem fs = vertx.fileSystem();
    return fs.createTempFile("paas-push-", ".req").compose(path -> fs.open(path, new OpenOptions().setWrite(true))
        .compose(file -> copy(request, file, maxBytes).eventually(file::close))
        .map(v -> Path.of(path))
        .onFailure(err -> fs.delete(path)));
  }

  static ApiException tooLarge(long maxBytes) {
    return new ApiException(413, "push_too_large", "This push is larger than the " + size(maxBytes)
        + " a push may be. Keep large files out of the repository (and its history), or ask for a higher limit.");
  }

  private static Future<Void> copy(HttpServerRequest request, AsyncFile file, long maxBytes) {
    Promise<Void> copied = Promise.promise();
    long[] received = {0};
    request.handler(chunk -> {
      received[0] += chunk.length();
      if (received[0] > maxBytes) {
        request.pause();
        request.handler(null);
        copied.tryFail(tooLarge(maxBytes));
        return;
      }
      file.write(chunk).onFailure(copied::tryFail);
      if (file.writeQueueFull()) {
        request.pause();
        file.drainHandler(v -> request.resume());
      }
    });
    request.exceptionHandler(copied::tryFail);
    request.endHandler(v -> copied.tryComplete());
    request.resume();
    return copied.future();
  }

  private static String size(long bytes) {
    if (bytes >= 1 << 20) {
      return (bytes >> 20) + " MB";
    }
    return bytes >= 1 << 10 ? (bytes >> 10) + " KB" : bytes + " bytes";
  }
}
