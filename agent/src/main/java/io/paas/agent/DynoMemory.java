package io.paas.agent;

import java.time.Instant;

/**
 * A dyno's memory use when it was last sampled, as {@code docker stats} shows it (without the page cache the kernel
 * can take back), and its container's limit.
 */
public record DynoMemory(long bytes, long limitBytes, Instant at) {
}
