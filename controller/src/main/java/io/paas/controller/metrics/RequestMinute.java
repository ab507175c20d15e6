package io.paas.controller.metrics;

import java.time.Instant;

/**
 * An app's requests in one UTC minute, by status class ({@code 1xx}, WebSocket upgrades, count in the total only),
 * with the median and 95th percentile of the time dynos took to answer; those are null when no dyno answered in the
 * minute.
 */
public record RequestMinute(Instant minute, int total, int status2xx, int status3xx, int status4xx, int status5xx,
                            Long p50Millis, Long p95Millis) {
  static RequestMinute empty(Instant minute) {
    return new RequestMinute(minute, 0, 0, 0, 0, 0, null, null);
  }
}
