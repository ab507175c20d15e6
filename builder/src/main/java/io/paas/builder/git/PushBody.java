package io.paas.builder.git;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;

/**
 * Stores a push's request body in a temp file as it streams in, never more than the limit: past it, reading stops
 * and the future fails with {@link PushTooLarge}. JGit then reads the file at disk speed on a worker thread.
 */
final class PushBody {
  /** How much of the body's start a refusal keeps: the ref commands, which come before the pack, fit many times. */
  static final int HEAD_BYTES = 64 * 1024;

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

  /**
   * For a body declared larger than the limit: reads only its start, for the commands in it, and fails with
   * {@link PushTooLarge}; the rest is never read.
   */
  static Future<Path> refuse(HttpServerRequest request, long maxBytes) {
    Promise<Path> refused = Promise.promise();
    Buffer head = Buffer.buffer();
    request.handler(chunk -> {
      keepHead(head, chunk);
      if (head.length() >= HEAD_BYTES) {
        request.pause();
        request.handler(null);
        refused.tryFail(new PushTooLarge(maxBytes, head));
      }
    });
    request.exceptionHandler(refused::tryFail);
    request.endHandler(v -> refused.tryFail(new PushTooLarge(maxBytes, head)));
    request.resume();
    return refused.future();
  }

  private static void keepHead(Buffer head, Buffer chunk) {
    if (head.length() < HEAD_BYTES) {
      head.appendBuffer(chunk, 0, Math.min(chunk.length(), HEAD_BYTES - head.length()));
    }
  }

  private static Future<Void> copy(HttpServerRequest request, AsyncFile file, long maxBytes) {
    Promise<Void> copied = Promise.promise();
    long[] received = {0};
    Buffer head = Buffer.buffer();
    request.handler(chunk -> {
      received[0] += chunk.length();
      keepHead(head, chunk);
      if (received[0] > maxBytes) {
        request.pause();
        request.handler(null);
        copied.tryFail(new PushTooLarge(maxBytes, head));
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
}
