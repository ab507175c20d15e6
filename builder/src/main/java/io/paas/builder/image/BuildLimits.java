package io.paas.builder.image;

/**
 * What one image build may use, so a build cannot starve the dynos on its host. The Docker build API takes a memory
 * cap (swap included) and a CPU weight; a hard CPU quota is not offered through docker-java's build command.
 */
public record BuildLimits(long memoryBytes, int cpuShares) {
  /** 1 GiB and half the weight of a default container. */
  public static final BuildLimits DEFAULT = new BuildLimits(1L << 30, 512);
}
