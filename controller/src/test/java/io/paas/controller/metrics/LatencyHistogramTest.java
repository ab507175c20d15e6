package io.paas.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  private static LatencyHistogram of(long... millis) {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long ms : millis) {
      histogram.record(ms);
    }
    return histogram;
  }

  @Test
  void anEmptyHistogramHasNoPercentiles() {
    assertThat(new LatencyHistogram().percentile(0.5)).isEqualTo(-1);
  }

  @Test
  void timesBelow16msAreExact() {
    for (long ms = 0; ms < 16; ms++) {
      assertThat(of(ms).percentile(0.5)).isEqualTo(ms);
    }
    assertThat(of(3, 3, 3, 12).percentile(0.5)).isEqualTo(3);
    assertThat(of(3, 3, 3, 12).percentile(0.95)).isEqualTo(12);
  }

  @Test
  void everyTimeUpTo17MinutesIsWithinOneSixteenthOfItsBucketsMiddle() {
    for (long ms = 0; ms < 1 << 20; ms++) {
      long middle = LatencyHistogram.middle(LatencyHistogram.bucket(ms));
      assertThat(Math.abs(middle - ms) * 16).as("%d ms", ms).isLessThanOrEqualTo(ms);
    }
  }

  @Test
  void bucketsRiseWithTheTimeAndLongerTimesShareTheLast() {
    for (long ms = 1; ms < 1 << 20; ms++) {
      assertThat(LatencyHistogram.bucket(ms)).isGreaterThanOrEqualTo(LatencyHistogram.bucket(ms - 1));
    }
    assertThat(LatencyHistogram.bucket((1 << 20) - 1)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    assertThat(LatencyHistogram.bucket(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    assertThat(LatencyHistogram.bucket(-5)).isZero();
  }

  @Test
  void percentilesOfAUniformDistribution() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long ms = 1; ms <= 1000; ms++) {
      histogram.record(ms);
    }

    assertThat((double) histogram.percentile(0.50)).isCloseTo(500, within(500 / 16.0));
    assertThat((double) histogram.percentile(0.95)).isCloseTo(950, within(950 / 16.0));
  }

  @Test
  void percentilesOfABimodalDistribution() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < 90; i++) {
      histogram.record(10);
    }
    for (int i = 0; i < 10; i++) {
      histogram.record(2_000);
    }

    assertThat(histogram.percentile(0.50)).isEqualTo(10);
    assertThat((double) histogram.percentile(0.95)).isCloseTo(2_000, within(2_000 / 16.0));
  }

  @Test
  void percentilesOfALogNormalDistributionMatchTheSortedSamples() {
    Random random = new Random(42);
    long[] samples = new long[20_000];
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < samples.length; i++) {
      samples[i] = Math.round(Math.exp(4 + random.nextGaussian()));
      histogram.record(samples[i]);
    }
    Arrays.sort(samples);

    for (double q : new double[] {0.5, 0.95, 0.99}) {
      long exact = samples[(int) Math.ceil(q * samples.length) - 1];
      assertThat((double) histogram.percentile(q)).as("p%.0f", q * 100).isCloseTo(exact, within(exact / 16.0));
    }
  }

  @Test
  void clearingForgetsEverything() {
    LatencyHistogram histogram = of(5, 500, 5_000);

    histogram.clear();

    assertThat(histogram.percentile(0.95)).isEqualTo(-1);
    histogram.record(7);
    assertThat(histogram.percentile(0.95)).isEqualTo(7);
  }
}
