package io.paas.controller.scheduler;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Memory and CPU as the scheduler counts them (bytes, thousandths of a CPU) and as people read them. */
final class Amounts {
  private static final BigDecimal MB = BigDecimal.valueOf(1024L * 1024);
  private static final BigDecimal GB = BigDecimal.valueOf(1024L * 1024 * 1024);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Amounts() {
  }

  /** CPUs are counted in whole thousandths so that adding and comparing them is exact. */
  static long millicpus(double cpus) {
    return Math.round(cpus * 1000);
  }

  /** {@code 512 MB} below a gigabyte, {@code 1.5 GB} from there on. */
  static String memory(long bytes, RoundingMode rounding) {
    BigDecimal value = BigDecimal.valueOf(bytes);
    BigDecimal megabytes = value.divide(MB, 0, rounding);
    if (megabytes.compareTo(BigDecimal.valueOf(1024)) < 0) {
      return megabytes.toPlainString() + " MB";
    }
    return plain(value.divide(GB, 1, rounding)) + " GB";
  }

  /** {@code 0.5 CPU}, {@code 1 CPU}, {@code 1.5 CPUs}. */
  static String cpus(long millicpus, RoundingMode rounding) {
    BigDecimal cpus = BigDecimal.valueOf(millicpus).divide(THOUSAND, 1, rounding);
    boolean upToOne = cpus.signum() > 0 && cpus.compareTo(BigDecimal.ONE) <= 0;
    return plain(cpus) + (upToOne ? " CPU" : " CPUs");
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
