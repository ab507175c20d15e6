package io.paas.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.agent.DynoMemory;
import io.paas.agent.DynoStatus;
import io.paas.controller.auth.TestClock;
import io.paas.router.RoutedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-minute windows, with a clock that stands still until a test moves it (2026-01-01T00:00:00Z). */
class AppMetricsTest {
  private static final long LIMIT = 512L << 20;

  private final TestClock clock = new TestClock();
  private final AppMetrics metrics = new AppMetrics(clock);

  private void requests(String app, int status, long serviceMillis, int count) {
    for (int i = 0; i < count; i++) {
      metrics.request(new RoutedRequest(app, "at=info status=" + status, status, serviceMillis));
    }
  }

  private RequestMinute current(String app) {
    List<RequestMinute> window = metrics.requests(app);
    return window.get(window.size() - 1);
  }

  private static DynoStatus sampled(String app, String dyno, long bytes, Instant at) {
    return new DynoStatus(app, dyno, 1, DynoStatus.UP, 0, at, "c-" + dyno, "host", 40000,
        new DynoMemory(bytes, LIMIT, at));
  }

  @Test
  void anAppWithoutRequestsHasSixtyEmptyMinutesEndingWithThisOne() {
    clock.advance(Duration.ofSeconds(90));

    List<RequestMinute> window = metrics.requests("quiet");

    assertThat(window).hasSize(60);
    assertThat(window.get(59).minute()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    assertThat(window.get(0).minute()).isEqualTo(Instant.parse("2025-12-31T23:02:00Z"));
    for (int i = 1; i < 60; i++) {
      assertThat(window.get(i).minute()).isEqualTo(window.get(i - 1).minute().plusSeconds(60));
    }
    assertThat(window).allSatisfy(minute -> assertThat(minute).isEqualTo(RequestMinute.empty(minute.minute())));
    assertThat(metrics.errorsLastHour("quiet")).isZero();
    assertThat(metrics.memory("quiet")).isEmpty();
  }

  @Test
  void requestsCountByStatusClass() {
    requests("shop", 200, 3, 10);
    requests("shop", 304, 1, 2);
    requests("shop", 404, 2, 1);
    requests("shop", 499, 7, 1);
    requests("shop", 503, RoutedRequest.NOT_SERVED, 3);
    requests("shop", 101, 4, 1);

    RequestMinute minute = current("shop");

    assertThat(minute).isEqualTo(new RequestMinute(Instant.parse("2026-01-01T00:00:00Z"), 18, 10, 2, 2, 3, 3L, 7L));
    assertThat(current("other").total()).isZero();
  }

  @Test
  void aMinuteWhereNoDynoAnsweredHasNoPercentiles() {
    requests("shop", 503, RoutedRequest.NOT_SERVED, 4);

    assertThat(current("shop").total()).isEqualTo(4);
    assertThat(current("shop").p50Millis()).isNull();
    assertThat(current("shop").p95Millis()).isNull();
  }

  @Test
  void percentilesAreThoseOfTheMinutesOwnRequests() {
    for (long ms = 1; ms <= 100; ms++) {
      metrics.request(new RoutedRequest("shop", "line", 200, ms));
    }
    clock.advance(Duration.ofMinutes(1));
    requests("shop", 200, 1_000, 20);

    List<RequestMinute> window = metrics.requests("shop");

    assertThat(window.get(58).p50Millis()).isBetween(47L, 53L);
    assertThat(window.get(58).p95Millis()).isBetween(90L, 100L);
    assertThat(window.get(59).p50Millis()).isBetween(970L, 1030L);
    assertThat(window.get(59).p95Millis()).isEqualTo(window.get(59).p50Millis());
  }

  @Test
  void eachMinuteFillsItsOwnEntryAndTheOldestLeavesTheWindow() {
    requests("shop", 200, 5, 3);
    clock.advance(Duration.ofSeconds(59));
    requests("shop", 500, 5, 1);
    clock.advance(Duration.ofSeconds(1));
    requests("shop", 200, 5, 2);

    List<RequestMinute> window = metrics.requests("shop");
    assertThat(window.get(58)).extracting(RequestMinute::minute, RequestMinute::total, RequestMinute::status5xx)
        .containsExactly(Instant.parse("2026-01-01T00:00:00Z"), 4, 1);
    assertThat(window.get(59)).extracting(RequestMinute::minute, RequestMinute::total)
        .containsExactly(Instant.parse("2026-01-01T00:01:00Z"), 2);
    assertThat(metrics.errorsLastHour("shop")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(59));
    window = metrics.requests("shop");
    assertThat(window.get(0)).extracting(RequestMinute::minute, RequestMinute::total)
        .containsExactly(Instant.parse("2026-01-01T00:01:00Z"), 2);
    assertThat(window.stream().mapToInt(RequestMinute::total).sum()).isEqualTo(2);
    assertThat(metrics.errorsLastHour("shop")).as("the 500 was an hour ago").isZero();

    clock.advance(Duration.ofMinutes(1));
    assertThat(metrics.requests("shop")).allSatisfy(minute -> assertThat(minute.total()).isZero());
  }

  @Test
  void aSlotReusedAnHourLaterStartsFromZero() {
    requests("shop", 500, 900, 5);
    clock.advance(Duration.ofMinutes(60));

    requests("shop", 200, 2, 1);

    assertThat(current("shop")).isEqualTo(
        new RequestMinute(Instant.parse("2026-01-01T01:00:00Z"), 1, 1, 0, 0, 0, 2L, 2L));
    assertThat(metrics.errorsLastHour("shop")).isZero();
  }

  @Test
  void memoryKeepsEachMinutesHighestSamplePerDynoInNameOrder() {
    Instant start = clock.instant();
    metrics.sampled(List.of(sampled("shop", "web.10", 30, start), sampled("shop", "web.2", 20, start),
        sampled("shop", "web.1", 100, start.plusSeconds(10)), sampled("other", "web.1", 1, start)));
    metrics.sampled(List.of(sampled("shop", "web.1", 300, start.plusSeconds(20)),
        sampled("shop", "web.1", 200, start.plusSeconds(30))));
    metrics.sampled(List.of(new DynoStatus("shop", "worker.1", 1, DynoStatus.STARTING, 0, start, null, "host", 0,
        null)));
    clock.advance(Duration.ofMinutes(1));
    metrics.sampled(List.of(sampled("shop", "web.1", 150, start.plusSeconds(70))));

    List<MemorySeries> memory = metrics.memory("shop");

    assertThat(memory).extracting(MemorySeries::dyno).containsExactly("web.1", "web.2", "web.10");
    assertThat(memory.get(0).samples()).containsExactly(new DynoMemory(300, LIMIT, start.plusSeconds(20)),
        new DynoMemory(150, LIMIT, start.plusSeconds(70)));
    assertThat(memory.get(1).samples()).containsExactly(new DynoMemory(20, LIMIT, start));
  }

  @Test
  void samplesOutsideTheWindowAreLeftOutAndOldOnesAge() {
    Instant now = clock.instant();
    metrics.sampled(List.of(sampled("shop", "web.1", 10, now.minus(Duration.ofMinutes(61))),
        sampled("shop", "web.2", 10, now.plus(Duration.ofMinutes(5))),
        sampled("shop", "web.3", 10, now.minus(Duration.ofMinutes(30)))));

    assertThat(metrics.memory("shop")).extracting(MemorySeries::dyno).containsExactly("web.3");

    clock.advance(Duration.ofMinutes(30));
    assertThat(metrics.memory("shop")).isEmpty();
  }

  @Test
  void aDestroyedAppLeavesNothingBehind() {
    requests("shop", 500, 1, 2);
    metrics.sampled(List.of(sampled("shop", "web.1", 10, clock.instant())));

    metrics.forget("shop");

    assertThat(metrics.holds("shop")).isFalse();
    assertThat(metrics.errorsLastHour("shop")).isZero();
    assertThat(metrics.memory("shop")).isEmpty();
  }

  @Test
  void appsAndDynosWithNothingInTheWindowAreEvicted() {
    requests("busy", 200, 1, 1);
    requests("quiet", 200, 1, 1);
    metrics.sampled(List.of(sampled("sampled", "web.1", 10, clock.instant())));
    clock.advance(Duration.ofMinutes(59));
    requests("busy", 200, 1, 1);
    metrics.evictIdle();
    assertThat(metrics.holds("quiet")).as("its request is still in the window").isTrue();

    clock.advance(Duration.ofMinutes(1));
    metrics.evictIdle();

    assertThat(metrics.holds("busy")).isTrue();
    assertThat(metrics.holds("quiet")).isFalse();
    assertThat(metrics.holds("sampled")).isFalse();
    assertThat(metrics.requests("busy").get(58).total()).isEqualTo(1);
  }

  @Test
  void requestsFromManyThreadsAtOnceAreAllCounted() throws Exception {
    int threads = 8;
    int each = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int status = t % 2 == 0 ? 200 : 500;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            metrics.request(new RoutedRequest(i % 10 == 0 ? "other" : "shop", "line", status, i % 50));
          }
          return null;
        }));
      }
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < 200; i++) {
          metrics.requests("shop");
          metrics.evictIdle();
        }
        return null;
      }));
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    RequestMinute shop = current("shop");
    int perThread = each - each / 10;
    assertThat(shop.total()).isEqualTo(threads * perThread);
    assertThat(shop.status2xx()).isEqualTo(threads / 2 * perThread);
    assertThat(shop.status5xx()).isEqualTo(threads / 2 * perThread);
    assertThat(current("other").total()).isEqualTo(threads * each / 10);
    assertThat(metrics.errorsLastHour("shop")).isEqualTo(threads / 2 * perThread);
  }
}
