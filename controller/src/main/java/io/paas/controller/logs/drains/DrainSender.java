package io.paas.controller.logs.drains;

import io.paas.controller.logs.LogEntry;
import io.paas.controller.store.LogDrain;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers one drain's lines, on its own context. Appending threads only {@link #offer} (enqueue, and wake the
 * sender if it is not awake already); everything else runs on the context, so subclasses need no locks. A failure
 * leaves the lines buffered and tries again after a backoff. Vert.x closes the clients and timers a sender made
 * when it is undeployed.
 */
abstract class DrainSender extends VerticleBase {
  protected final LogDrain drain;
  protected final DrainUrl url;
  protected final DrainBuffer buffer;
  protected final DrainLimits limits;
  private final DrainUrlPolicy policy;
  private final DrainAddresses addresses;
  private final Backoff backoff;
  private final AtomicBoolean woken = new AtomicBoolean();
  private volatile Context running;
  private volatile String state = DrainStatus.CONNECTING;
  private volatile String lastError;
  private boolean stopped;

  DrainSender(LogDrain drain, DrainUrl url, DrainAddresses addresses, DrainLimits limits) {
    this.drain = drain;
    this.url = url;
    this.policy = DrainUrlPolicy.of(drain.trusted());
    this.addresses = addresses;
    this.limits = limits;
    this.buffer = new DrainBuffer(limits.capacity());
    this.backoff = new Backoff(limits.minBackoff(), limits.maxBackoff());
  }

  /** Sends what is buffered, as far as the connection allows; called on the context whenever lines may be waiting. */
  protected abstract void send();

  /** Begins delivering; lines offered before this are buffered and sent once it has connected. */
  protected abstract void begin();

  @Override
  public final Future<?> start() {
    running = context;
    begin();
    return Future.succeededFuture();
  }

  @Override
  public final Future<?> stop() {
    stopped = true;
    return Future.succeededFuture();
  }

  /** On the appending thread: O(1), never blocks. */
  final void offer(LogEntry line) {
    buffer.offer(line);
    Context context = running;
    if (context != null && woken.compareAndSet(false, true)) {
      context.runOnContext(v -> {
        woken.set(false);
        if (!stopped) {
          send();
        }
      });
    }
  }

  final DrainStatus status() {
    return new DrainStatus(state, buffer.size(), buffer.dropped(), lastError);
  }

  /**
   * The address to connect to now, checked again: the name may resolve elsewhere than when the drain was added
   * (DNS rebinding), and the connection goes to the address checked, not to the name.
   */
  protected final Future<SocketAddress> address() {
    return addresses.resolve(url, policy).map(ip -> SocketAddress.inetSocketAddress(url.port(), ip.getHostAddress()));
  }

  protected final void delivering() {
    state = DrainStatus.CONNECTED;
    backoff.reset();
  }

  /** Records the failure and runs {@code again} after the next backoff, unless the sender is stopped by then. */
  protected final void retry(Throwable failure, Runnable again) {
    if (stopped) {
      return;
    }
    state = DrainStatus.RETRYING;
    lastError = describe(failure);
    vertx.setTimer(backoff.nextMillis(), id -> {
      if (!stopped) {
        again.run();
      }
    });
  }

  /** The failure and, as TLS wraps the reason (untrusted, wrong name), its root cause; neither holds the URL. */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    return root == failure || root.getMessage() == null ? message : message + ": " + root.getMessage();
  }

  protected final boolean stopped() {
    return stopped;
  }
}
