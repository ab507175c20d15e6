package io.paas.common.network;

import java.util.ArrayList;
import java.util.List;

/** An IPv4 range cut into /24 subnets, one per app network: {@code 10.208.0.0/12} holds 4096. */
public final class SubnetRange {
  public static final String DEFAULT = "10.208.0.0/12";
  private static final int APP_PREFIX = 24;

  private final long base;
  private final int prefix;

  private SubnetRange(long base, int prefix) {
    this.base = base;
    this.prefix = prefix;
  }

  public static SubnetRange parse(String cidr) {
    String[] parts = cidr.strip().split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("Not a CIDR range: " + cidr);
    }
    int prefix = Integer.parseInt(parts[1]);
    if (prefix < 8 || prefix > APP_PREFIX) {
      throw new IllegalArgumentException("The app network range needs a prefix from /8 to /24, not /" + prefix);
    }
    long address = address(parts[0]);
    long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    if ((address & ~mask & 0xFFFFFFFFL) != 0) {
      throw new IllegalArgumentException(cidr + " has host bits set; did you mean " + text(address & mask) + "/"
          + prefix + "?");
    }
    return new SubnetRange(address, prefix);
  }

  /** The /24 subnets of the range that overlap none of the {@code taken} CIDRs, in order. */
  public List<String> free(List<String> taken) {
    List<long[]> used = taken.stream().filter(c -> c.contains(".")).map(SubnetRange::bounds).toList();
    List<String> free = new ArrayList<>();
    long count = 1L << (APP_PREFIX - prefix);
    for (long i = 0; i < count; i++) {
      long start = base + (i << (32 - APP_PREFIX));
      long end = start + (1L << (32 - APP_PREFIX)) - 1;
      if (used.stream().noneMatch(u -> u[0] <= end && start <= u[1])) {
        free.add(text(start) + "/" + APP_PREFIX);
      }
    }
    return free;
  }

  /** The first host address of a subnet, which Docker gives the bridge. */
  static String gateway(String subnet) {
    return text(bounds(subnet)[0] + 1);
  }

  @Override
  public String toString() {
    return text(base) + "/" + prefix;
  }

  private static long[] bounds(String cidr) {
    String[] parts = cidr.split("/");
    int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
    long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    long start = address(parts[0]) & mask;
    return new long[] {start, start | (~mask & 0xFFFFFFFFL)};
  }

  private static long address(String dotted) {
    String[] octets = dotted.split("\\.");
    if (octets.length != 4) {
      throw new IllegalArgumentException("Not an IPv4 address: " + dotted);
    }
    long value = 0;
    for (String octet : octets) {
      int part = Integer.parseInt(octet);
      if (part < 0 || part > 255) {
        throw new IllegalArgumentException("Not an IPv4 address: " + dotted);
      }
      value = (value << 8) | part;
    }
    return value;
  }

  private static String text(long address) {
    return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
  }
}
