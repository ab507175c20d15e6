package io.paas.controller.logs.drains;

import io.paas.controller.logs.LogEntry;
import io.paas.controller.store.LogDrain;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The running drains of every app, and the tap that offers each line appended to an app's log to each of them.
 * The tap runs on the appending thread, so it only looks up the app's drains and enqueues.
 */
public final class Drains implements BiConsumer<String, LogEntry> {
  private final Vertx vertx;
  private final DrainAddresses addresses;
  private final TrustOptions trust;
  private final DrainLimits limits;
  private final Map<String, List<Running>> byApp = new ConcurrentHashMap<>();

  public Drains(Vertx vertx, DrainAddresses addresses, TrustOptions trust, DrainLimits limits) {
    this.vertx = vertx;
    this.addresses = addresses;
    this.trust = trust;
    this.limits = limits;
  }

  @Override
  public void accept(String app, LogEntry line) {
    for (Running drain : byApp.getOrDefault(app, List.of())) {
      drain.sender().offer(line);
    }
  }

  /** Starts delivering the app's lines to the drain; its URL is checked again, as the policy may have changed. */
  public Future<Void> start(LogDrain drain) {
    DrainUrl url = DrainUrlPolicy.of(drain.trusted()).parse(drain.url());
    DrainSender sender = url.scheme() == DrainUrl.Scheme.HTTPS
        ? new HttpsSender(drain, url, addresses, limits, trust)
        : new SyslogSender(drain, url, addresses, limits, trust);
    Future<String> deployment = vertx.deployVerticle(sender);
    byApp.computeIfAbsent(drain.app(), app -> new CopyOnWriteArrayList<>()).add(new Running(drain.token(), sender,
        deployment));
    return deployment.mapEmpty();
  }

  /** How the drain is doing; {@link DrainStatus#STOPPED} when it is not running. */
  public DrainStatus status(LogDrain drain) {
    return running(drain).map(running -> running.sender().status())
        .orElseGet(() -> new DrainStatus(DrainStatus.STOPPED, 0, 0, null));
  }

  /** Stops the drain; its buffered lines are discarded. */
  public void stop(LogDrain drain) {
    running(drain).ifPresent(running -> {
      byApp.getOrDefault(drain.app(), List.of()).remove(running);
      undeploy(running);
    });
  }

  /** Stops every drain of an app that is gone. */
  public void stopApp(String app) {
    List<Running> drains = byApp.remove(app);
    if (drains != null) {
      drains.forEach(this::undeploy);
    }
  }

  private Optional<Running> running(LogDrain drain) {
    return byApp.getOrDefault(drain.app(), List.of()).stream()
        .filter(running -> running.token().equals(drain.token())).findFirst();
  }

  private void undeploy(Running running) {
    running.deployment().onSuccess(vertx::undeploy);
  }

  private record Running(String token, DrainSender sender, Future<String> deployment) {
  }
}
