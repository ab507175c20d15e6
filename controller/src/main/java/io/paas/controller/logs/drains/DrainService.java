package io.paas.controller.logs.drains;

import io.paas.common.ApiException;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.store.App;
import io.paas.controller.store.LogDrain;
import io.paas.controller.store.LogDrainStore;
import io.paas.controller.store.User;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An app's log drains: checked, stored, started and stopped at once, and announced in the app's log. */
public final class DrainService {
  private static final Logger LOG = LoggerFactory.getLogger(DrainService.class);

  private final LogDrainStore store;
  private final Drains drains;
  private final DrainAddresses addresses;
  private final LogHub logs;

  public DrainService(LogDrainStore store, Drains drains, DrainAddresses addresses, LogHub logs) {
    this.store = store;
    this.drains = drains;
    this.addresses = addresses;
    this.logs = logs;
  }

  /** Starts every stored drain, when the platform starts; one that no longer passes the checks stays stopped. */
  public Future<Void> startAll() {
    return store.all().compose(all -> Future.all(all.stream().map(this::startOrWarn).toList())).mapEmpty();
  }

  public Future<List<DrainReport>> list(App app) {
    return store.ofApp(app.id()).map(all -> all.stream().map(this::report).toList());
  }

  /**
   * Completes once the drain runs. An admin's drain may point at internal addresses; anyone else's is refused with
   * a 422 if its host is, or resolves to, one.
   */
  public Future<DrainReport> add(App app, String url, User user) {
    DrainUrlPolicy policy = DrainUrlPolicy.of(user.admin());
    return Future.succeededFuture(url).map(policy::parse)
        .compose(parsed -> addresses.resolve(parsed, policy).map(parsed))
        .compose(parsed -> store.insert(app.id(), parsed.raw(), "d." + UUID.randomUUID(), user.admin(),
            parsed.masked()))
        .compose(drain -> drains.start(drain).map(drain))
        .map(drain -> {
          DrainReport added = report(drain);
          announce(app, added, "added by user " + user.email());
          return added;
        });
  }

  /** Removes the drain the app has with this id, token or URL; one it does not have is a 404. */
  public Future<DrainReport> remove(App app, String idTokenOrUrl, String email) {
    return store.delete(app.id(), idTokenOrUrl)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("Couldn't find that log drain.")))
        .map(drain -> {
          DrainReport removed = report(drain);
          drains.stop(drain);
          announce(app, removed, "removed by user " + email);
          return removed;
        });
  }

  private Future<Void> startOrWarn(LogDrain drain) {
    return Future.succeededFuture(drain).compose(drains::start).recover(e -> {
      LOG.warn("Log drain {} of {} not started: {}", drain.token(), drain.app(), e.getMessage());
      return Future.succeededFuture();
    });
  }

  private void announce(App app, DrainReport drain, String event) {
    logs.append(app.name(), LogEntry.now(LogEntry.PLATFORM, "api", "Log drain " + drain.url() + " " + event));
  }

  private DrainReport report(LogDrain drain) {
    return new DrainReport(drain, DrainUrlPolicy.masked(drain.url()), drains.status(drain));
  }
}
