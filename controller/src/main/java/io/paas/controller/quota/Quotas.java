package io.paas.controller.quota;

import io.paas.common.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Each subject's limits (the operator's defaults, some replaced for the subject) and the check that a change stays
 * within them. A check and the change it admits run under one lock per subject, so two changes at once cannot pass
 * a limit together. The lock is the JVM's: one controller runs the platform (its dyno and agent state are in memory
 * too).
 */
public final class Quotas {
  private static final long LOCK_WAIT_MS = 60_000;

  private final Vertx vertx;
  private final QuotaStore store;
  private final QuotaUsage usage;
  private final QuotaLimits defaults;

  public Quotas(Vertx vertx, QuotaStore store, QuotaUsage usage, QuotaLimits defaults) {
    this.vertx = vertx;
    this.store = store;
    this.usage = usage;
    this.defaults = defaults;
  }

  public QuotaLimits defaults() {
    return defaults;
  }

  public Future<QuotaLimits> limits(QuotaSubject subject) {
    return store.of(subject).map(defaults::with);
  }

  /** The subject's own limits, apart from the defaults. */
  public Future<Map<Quota, Long>> overrides(QuotaSubject subject) {
    return store.of(subject);
  }

  /** Every subject with limits of its own. */
  public Future<Map<QuotaSubject, Map<Quota, Long>>> overrides() {
    return store.all();
  }

  /** Sets some of the subject's limits; a null limit goes back to the default, a negative one is a 422. */
  public Future<Void> change(QuotaSubject subject, Map<Quota, Long> limits) {
    for (Map.Entry<Quota, Long> limit : limits.entrySet()) {
      if (limit.getValue() != null && limit.getValue() < 0) {
        return Future.failedFuture(ApiException.invalid("A quota limit cannot be negative; " + limit.getKey().key()
            + " was " + limit.getValue() + "."));
      }
    }
    return store.change(subject, limits);
  }

  /** Runs {@code change}, which adds one to {@code quota}, if the subject has room for it; else a 422. */
  public <T> Future<T> admitOne(QuotaSubject subject, Quota quota, Supplier<Future<T>> change) {
    return guard(subject, () -> require(subject, Map.of(quota, 1L)).compose(v -> change.get()));
  }

  /** Runs {@code change} under the subject's lock, which every change that a quota counts must hold. */
  public <T> Future<T> guard(QuotaSubject subject, Supplier<Future<T>> change) {
    return vertx.sharedData().getLocalLockWithTimeout("paas.quota." + subject.kind() + "." + subject.id(),
            LOCK_WAIT_MS)
        .recover(e -> Future.failedFuture(ApiException.conflict("Another change counted against the quotas of "
            + subject.name() + " is taking long; try again.")))
        .compose(lock -> Future.<Void>succeededFuture().compose(v -> change.get()).andThen(done -> lock.release()));
  }

  /**
   * Fails with a 422 naming the first quota that growing the subject's use by {@code growth} would pass. Use that
   * shrinks or stays is always allowed, so a subject over a lowered limit can still scale down. Call it under
   * {@link #guard}.
   */
  public Future<Void> require(QuotaSubject subject, Map<Quota, Long> growth) {
    Set<Quota> growing = EnumSet.noneOf(Quota.class);
    growth.forEach((quota, more) -> {
      if (more > 0) {
        growing.add(quota);
      }
    });
    if (growing.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.all(usage.of(subject, growing), limits(subject)).compose(both -> {
      Map<Quota, Long> used = both.resultAt(0);
      QuotaLimits limits = both.resultAt(1);
      for (Quota quota : growing) {
        long after = used.get(quota) + growth.get(quota);
        if (after > limits.get(quota)) {
          return Future.failedFuture(exceeded(subject, quota, used.get(quota), limits.get(quota), after));
        }
      }
      return Future.succeededFuture();
    });
  }

  private static ApiException exceeded(QuotaSubject subject, Quota quota, long used, long limit, long after) {
    // Below the limit the change alone passes it: say by how much.
    String change = used < limit ? ", " + quota.amount(after) + " with this change" : "";
    return ApiException.invalid("Quota exceeded: " + quota.key() + " " + quota.amount(used) + " of "
        + quota.amount(limit) + " used by " + subject.name() + change + "; ask an operator to raise it.");
  }
}
