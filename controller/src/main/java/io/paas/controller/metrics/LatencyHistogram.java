package io.paas.controller.metrics;

import java.util.Arrays;

/**
 * Counts of response times in fixed log-scale buckets, good for percentiles at a fixed memory cost whatever the
 * traffic. Times below 16 ms have a bucket each; above, every power of two is cut into 8 buckets, so a percentile is
 * off by at most 1/16 (6.25 %) of the true value: the middle of its bucket is reported. Times from 2^20 ms (about 17
 * minutes) on share the last bucket. Not thread-safe: its owner locks.
 */
final class LatencyHistogram {
  /** log2 of the buckets per power of two. */
  private static final int SUB_BITS = 3;
  private static final int SUB_BUCKETS = 1 << SUB_BITS;
  private static final int MAX_EXPONENT = 19;
  static final int BUCKETS = SUB_BUCKETS + (MAX_EXPONENT - SUB_BITS + 1) * SUB_BUCKETS;

  private final int[] counts = new int[BUCKETS];
  private int total;

  void record(long millis) {
    counts[bucket(millis)]++;
    total++;
  }

  /** The time under which a fraction {@code q} of the recorded ones fall (nearest rank); -1 when there are none. */
  long percentile(double q) {
    if (total == 0) {
      return -1;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return middle(i);
      }
    }
    throw new IllegalStateException("counts do not add up to " + total);
  }

  void clear() {
    Arrays.fill(counts, 0);
    total = 0;
  }

  static int bucket(long millis) {
    if (millis < SUB_BUCKETS) {
      return (int) Math.max(0, millis);
    }
    if (millis >= 1L << (MAX_EXPONENT + 1)) {
      return BUCKETS - 1;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(millis);
    int sub = (int) (millis >> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
    return SUB_BUCKETS + (exponent - SUB_BITS) * SUB_BUCKETS + sub;
  }

  /** The middle of the bucket's whole milliseconds. */
  static long middle(int bucket) {
    if (bucket < SUB_BUCKETS) {
      return bucket;
    }
    int exponent = (bucket - SUB_BUCKETS) / SUB_BUCKETS + SUB_BITS;
    long width = 1L << (exponent - SUB_BITS);
    long lowest = (long) (SUB_BUCKETS + (bucket - SUB_BUCKETS) % SUB_BUCKETS) << (exponent - SUB_BITS);
    return lowest + (width - 1) / 2;
  }
}
