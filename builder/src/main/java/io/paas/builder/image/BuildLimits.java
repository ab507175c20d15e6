package io.paas.builder.image;

/**
 * What one image build may use, so a build cannot starve the dynos on its host: a memory cap (swap included), a CPU
 * weight and optionally the CPUs it may run on ({@code "0"}, {@code "0-2"}; null for any). The Docker build API has
 * no CPU quota that docker-java 3.7's build command passes on; a CPU set is the hard cap it offers.
 */
public record BuildLimits(long memoryBytes, int cpuShares, String cpuSet) {
  /** 1 GiB and half the weight of a default container, on any CPU. */
  public static final BuildLimits DEFAULT = new BuildLimits(1L << 30, 512, null);

  public BuildLimits(long memoryBytes, int cpuShares) {
    this(memoryBytes, cpuShares, null);
  }
}
