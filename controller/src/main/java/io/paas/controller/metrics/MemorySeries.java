package io.paas.controller.metrics;

import io.paas.agent.DynoMemory;
import java.util.List;

/** One dyno's memory over the window, oldest first: the highest sample of each minute it was sampled in. */
public record MemorySeries(String dyno, List<DynoMemory> samples) {
}
