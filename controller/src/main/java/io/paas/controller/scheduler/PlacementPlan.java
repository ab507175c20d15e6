package io.paas.controller.scheduler;

import java.util.List;
import java.util.Objects;

/** What {@link Scheduler#place} decided: a host for every wanted dyno, or why there is none. */
public sealed interface PlacementPlan {

  /** One placement per wanted dyno, in the order they were asked for. */
  record Placed(List<Placement> placements) implements PlacementPlan {
    public Placed {
      placements = List.copyOf(placements);
    }
  }

  /** The cluster cannot hold the wanted dynos; {@code message} says what is short, {@code unplaced} which dynos. */
  record Shortfall(String message, List<DynoRequest> unplaced) implements PlacementPlan {
    public Shortfall {
      Objects.requireNonNull(message, "message");
      unplaced = List.copyOf(unplaced);
    }
  }
}
