package io.paas.router.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body passed on chunk by chunk until it grows past the limit; then it fails, which makes the proxy reset
 * the dyno's request, and the exchange records why. The client gets 413 if the dyno had not answered yet; otherwise
 * the proxy cuts the response off, closing the client's connection.
 */
final class SizeLimitedBody implements ReadStream<Buffer> {
  private final ReadStream<Buffer> body;
  private final Exchange exchange;
  private long allowance;
  private Handler<Throwable> exceptionHandler;

  SizeLimitedBody(ReadStream<Buffer> body, long maxSize, Exchange exchange) {
    this.body = body;
    this.allowance = maxSize;
    this.exchange = exchange;
  }

  @Override
  public ReadStream<Buffer> handler(Handler<Buffer> handler) {
    body.handler(handler == null ? null : chunk -> {
      allowance -= chunk.length();
      if (allowance >= 0) {
        handler.handle(chunk);
      } else if (exchange.error() == null) {
        exchange.error(RouterError.BODY_TOO_LARGE);
        if (exceptionHandler != null) {
          exceptionHandler.handle(RouteFailure.of(RouterError.BODY_TOO_LARGE));
        }
      }
    });
    return this;
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    exceptionHandler = handler;
    body.exceptionHandler(handler);
    return this;
  }

  @Override
  public ReadStream<Buffer> pause() {
    body.pause();
    return this;
  }

  @Override
  public ReadStream<Buffer> resume() {
    body.resume();
    return this;
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    body.fetch(amount);
    return this;
  }

  @Override
  public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    body.endHandler(endHandler);
    return this;
  }
}
