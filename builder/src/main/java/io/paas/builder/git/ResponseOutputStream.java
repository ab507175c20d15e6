package io.paas.builder.git;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets JGit, on a worker thread, write the HTTP response live: bytes collect until a flush, which sends them as one
 * chunk on the response's own context and waits until they are written, so a slow pusher slows the writer down
 * instead of filling memory.
 */
final class ResponseOutputStream extends OutputStream {
  private static final long WRITE_TIMEOUT_SECONDS = 60;

  private final Context context;
  private final HttpServerResponse response;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  ResponseOutputStream(Context context, HttpServerResponse response) {
    this.context = context;
    this.response = response;
  }

  @Override
  public synchronized void write(int b) {
    pending.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    pending.write(b, off, len);
  }

  @Override
  public synchronized void flush() throws IOException {
    if (pending.size() == 0) {
      return;
    }
    Buffer chunk = Buffer.buffer(pending.toByteArray());
    pending.reset();
    CompletableFuture<Void> written = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        response.write(chunk).onComplete(ar -> {
          if (ar.succeeded()) {
            written.complete(null);
          } else {
            written.completeExceptionally(ar.cause());
          }
        });
      } catch (RuntimeException e) {
        written.completeExceptionally(e); // the response was already closed
      }
    });
    try {
      written.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IOException("The pusher's connection is gone", e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("The pusher stopped reading the response");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while writing the response", e);
    }
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
