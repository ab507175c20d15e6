package io.paas.controller.store;

/** A user as operators list them: the account and how many apps it owns personally (team apps are the team's). */
public record UserSummary(User user, long apps) {
}
