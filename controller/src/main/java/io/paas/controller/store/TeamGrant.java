package io.paas.controller.store;

/** A team and the role a user has in it. */
public record TeamGrant(Team team, Role role) {
}
