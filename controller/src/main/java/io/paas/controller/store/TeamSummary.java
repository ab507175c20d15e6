package io.paas.controller.store;

/** A team as operators list them: its size and how many apps it holds. */
public record TeamSummary(Team team, long members, long apps) {
}
