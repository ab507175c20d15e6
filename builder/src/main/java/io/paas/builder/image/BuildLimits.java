package io.paas.builder.image;

/**
 * What one image build may use, so a build cannot starve the dynos on its host: a memory cap (swap included), a CPU
 * weight, optionally the CPUs it may run on ({@code "0"}, {@code "0-2"}; null for any), and the disk it may fill
 * (what it adds to its base images, see {@link BuildDiskWatch}). The Docker build API has no CPU quota that
 * docker-java 3.7's build command passes on; a CPU set is the hard cap it offers.
 */
public record BuildLimits(long memoryBytes, int cpuShares, String cpuSet, long diskBytes) {
  /** 1 GiB of memory, half the weight of a default container, on any CPU, 10 GiB of disk. */
  public static final BuildLimits DEFAULT = new BuildLimits(1L << 30, 512, null, 10L << 30);

  public BuildLimits withDiskBytes(long bytes) {
    return new BuildLimits(memoryBytes, cpuShares, cpuSet, bytes);
  }
}
