package io.paas.router.remote;

import io.paas.router.RoutingTable;
import io.paas.router.remote.TableJson.Versioned;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a standalone router's table the controller's: long-polls it and loads each new one wholesale, saving it to
 * disk as well. A controller that cannot be reached or answers an error changes nothing: the router serves the table
 * it has (from the last answer, or from disk after a restart) and asks again after 1 s, doubling to 15 s. An outage
 * is logged once when it starts and once when it ends, not at every attempt.
 */
public final class RemoteTable {
  private static final Logger log = LoggerFactory.getLogger(RemoteTable.class);
  private static final long FIRST_BACKOFF_MILLIS = 1_000;
  private static final long MAX_BACKOFF_MILLIS = 15_000;

  /** Where the table the router starts with came from. */
  public enum Origin { SAVED, CONTROLLER, EMPTY }

  private final Vertx vertx;
  private final RouterApiClient controller;
  private final TableFile file;
  private final RoutingTable table;
  private final Promise<Origin> started = Promise.promise();
  private String epoch;
  private long version;
  private boolean unreachable;
  private volatile boolean stopped;

  public RemoteTable(Vertx vertx, RouterApiClient controller, TableFile file, RoutingTable table) {
    this.vertx = vertx;
    this.controller = controller;
    this.file = file;
    this.table = table;
  }

  /**
   * Loads the saved table, if any, and starts following the controller. Completes with the saved table's origin at
   * once, else after the first attempt: with the controller's table, or with an empty one if it could not be reached.
   */
  public Future<Origin> start() {
    return file.load()
        .recover(e -> {
          log.warn("Ignoring the saved routing table: {}", e.getMessage());
          return Future.succeededFuture(Optional.empty());
        })
        .compose(saved -> {
          saved.ifPresent(found -> {
            apply(found);
            started.complete(Origin.SAVED);
          });
          poll(FIRST_BACKOFF_MILLIS);
          return started.future();
        });
  }

  /** Stops following the controller; the table keeps what it has. */
  public void stop() {
    stopped = true;
  }

  private void poll(long backoff) {
    if (stopped) {
      return;
    }
    controller.table(epoch, version).onComplete(done -> {
      if (done.succeeded()) {
        if (unreachable) {
          unreachable = false;
          log.info("Reached the controller again");
        }
        Versioned received = done.result();
        if (!received.epoch().equals(epoch) || received.snapshot().version() != version) {
          apply(received);
          file.save(received).onFailure(e -> log.warn("Saving the routing table failed: {}", e.getMessage()));
        }
        started.tryComplete(Origin.CONTROLLER);
        poll(FIRST_BACKOFF_MILLIS);
        return;
      }
      if (!unreachable) {
        unreachable = true;
        log.warn("The controller cannot be reached ({}); serving the routing table as it was and retrying",
            done.cause().getMessage());
      }
      started.tryComplete(Origin.EMPTY);
      vertx.setTimer(backoff, id -> poll(Math.min(backoff * 2, MAX_BACKOFF_MILLIS)));
    });
  }

  private void apply(Versioned received) {
    table.replace(received.snapshot());
    epoch = received.epoch();
    version = received.snapshot().version();
  }
}
