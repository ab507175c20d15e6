package io.paas.controller.store;

/** An app and the role a user has on it. */
public record AppGrant(App app, Role role) {
}
