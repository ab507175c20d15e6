package io.paas.controller.metrics;

import io.paas.router.RoutedRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One app's requests in the last hour, a {@link MinuteRing} of counts by status class and a latency histogram per
 * minute. Requests arrive from every router event loop at once, so every method locks.
 */
final class AppRequests {
  private final MinuteRing<Counts> minutes = new MinuteRing<>(Counts::new, Counts::clear);

  synchronized void record(long minute, RoutedRequest request) {
    Counts counts = minutes.write(minute);
    if (counts != null) {
      counts.add(request);
    }
  }

  /** The {@value MinuteRing#MINUTES} minutes that end with {@code now}, oldest first, those without requests empty. */
  synchronized List<RequestMinute> window(long now) {
    List<RequestMinute> window = new ArrayList<>(MinuteRing.MINUTES);
    for (long minute = now - MinuteRing.MINUTES + 1; minute <= now; minute++) {
      Counts counts = minutes.read(minute);
      window.add(counts == null ? RequestMinute.empty(MinuteRing.start(minute)) : counts.view(minute));
    }
    return window;
  }

  /** Responses with a status of 500 or more in the window that ends with {@code now}. */
  synchronized int errors(long now) {
    int errors = 0;
    for (long minute = now - MinuteRing.MINUTES + 1; minute <= now; minute++) {
      Counts counts = minutes.read(minute);
      errors += counts == null ? 0 : counts.classes[3];
    }
    return errors;
  }

  synchronized boolean idle(long now) {
    return minutes.idle(now);
  }

  /** One minute's counts; {@code classes} are 2xx to 5xx. */
  private static final class Counts {
    private int total;
    private final int[] classes = new int[4];
    private final LatencyHistogram latency = new LatencyHistogram();

    void add(RoutedRequest request) {
      total++;
      int statusClass = request.status() / 100;
      if (statusClass >= 2 && statusClass <= 5) {
        classes[statusClass - 2]++;
      }
      if (request.serviceMillis() >= 0) {
        latency.record(request.serviceMillis());
      }
    }

    void clear() {
      total = 0;
      Arrays.fill(classes, 0);
      latency.clear();
    }

    RequestMinute view(long minute) {
      long p50 = latency.percentile(0.50);
      long p95 = latency.percentile(0.95);
      return new RequestMinute(MinuteRing.start(minute), total, classes[0], classes[1], classes[2], classes[3],
          p50 < 0 ? null : p50, p95 < 0 ? null : p95);
    }
  }
}
